import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { UnsubscribeForm } from "@/components/site/unsubscribe-form";
import { describeUnsubscribeToken } from "@/lib/newsletter/unsubscribe";
import type { MailKind } from "@/lib/mail/unsubscribe-token";

export const dynamic = "force-dynamic";

const WHAT: Record<MailKind, { mails: string; setting: string }> = {
  pieces: { mails: "new pieces", setting: "new-piece emails" },
  alerts: { mails: "signal alerts", setting: "signal alerts" },
};

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
            Stop emailing {WHAT[view.mail].mails} to <strong>{view.email}</strong>?
          </p>
          <UnsubscribeForm token={token} />
        </>
      ) : (
        <>
          <p className="notice" role="status">
            You’re unsubscribed: we won’t email {WHAT[view.mail].mails} to <strong>{view.email}</strong>.
          </p>
          <p>
            Changed your mind? Turn {WHAT[view.mail].setting} back on in <Link href="/account">your account</Link>. Other emails
            you get from us are not affected.
          </p>
        </>
      )}
    </div>
  );
}
