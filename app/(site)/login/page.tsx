import type { Metadata } from "next";
import { LoginForm } from "@/components/site/login-form";
import { requestSignInAction } from "./actions";
import { safeNext } from "@/lib/auth/redirect";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; error?: string }> }) {
  const sp = await searchParams;
  const next = safeNext(sp.next);
  return (
    <div className="wrap narrow">
      <h1>Sign in</h1>
      <p>We’ll email you a link and a code. No password to remember.</p>
      {sp.error === "browser" ? (
        <p className="notice error" role="alert">
          That sign-in was started in another browser. Request a new link here, or type the code from the email.
        </p>
      ) : sp.error ? (
        <p className="notice error" role="alert">
          That sign-in link could not be used. It may have expired or been used already. Request a new one below.
        </p>
      ) : null}
      <LoginForm action={requestSignInAction} next={next} />
    </div>
  );
}
