import type { Metadata } from "next";
import { ConfirmSignIn } from "@/components/site/confirm-sign-in";
import { confirmLinkAction } from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Confirm sign-in", robots: { index: false } };

// Opening this page changes nothing (mail scanners fetch links); the button completes the sign-in.
export default async function ConfirmPage({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  const { id } = await searchParams;
  return (
    <div className="wrap narrow">
      <h1>One more click</h1>
      {typeof id === "string" && id.length > 0 ? (
        <>
          <p>Press the button to finish signing in on this device.</p>
          <ConfirmSignIn action={confirmLinkAction} id={id} />
        </>
      ) : (
        <p className="notice error" role="alert">
          This sign-in link is incomplete. <a href="/login">Request a new one</a>.
        </p>
      )}
    </div>
  );
}
