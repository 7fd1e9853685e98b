import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { UnsubscribeForm } from "@/components/site/unsubscribe-form";
import { describeUnsubscribeToken } from "@/lib/newsletter/unsubscribe";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false }, referrer: "no-referrer" };

/** Shows whose mail a link stops and asks first: opening this page changes nothing. */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const sp = await searchParams;
  const token = z.string().max(1000).catch("").parse(sp.token);
  const view = await describeUnsubscribeToken(token);
  return (
    <div className="wrap narrow">
      <h1>Unsubscribe</h1>
      {!view.ok ? (
        <p className="notice error" role="alert">
          {view.error}
        </p>
      ) : view.subscribed ? (
        <>
          <p>
            Stop emailing new pieces to <strong>{view.email}</strong>?
          </p>
          <UnsubscribeForm token={token} />
        </>
      ) : (
        <>
          <p className="notice" role="status">
            You’re unsubscribed: we won’t email new pieces to <strong>{view.email}</strong>.
          </p>
          <p>
            Changed your mind? Turn new-piece emails back on in <Link href="/account">your account</Link>.
          </p>
        </>
      )}
    </div>
  );
}
