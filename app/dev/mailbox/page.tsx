import type { Metadata } from "next";
import { listOutbox } from "@/lib/mail/transport";
import { requireLocalDemo } from "@/lib/mail/outbox-view";
import { Notice } from "@/components/ui/notice";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Local mailbox (demo)", robots: { index: false } };

export default async function MailboxPage() {
  await requireLocalDemo();
  const mails = await listOutbox();
  return (
    <main className="wrap" id="content">
      <h1>Local mailbox</h1>
      <Notice tone="info">
        Demo mode: mail is not sent anywhere. Every message the app would send is kept here. JSON at{" "}
        <a href="/dev/mailbox.json">/dev/mailbox.json</a>. The buttons under a message have Resend report it
        delivered, opened or clicked to this app&apos;s webhook, signed as Resend signs it.
      </Notice>
      {mails.length === 0 ? <p>No mail yet.</p> : null}
      <ol className="teaser-list">
        {mails.map((m) => (
          <li key={m.id} className="teaser-card">
            <p className="meta">
              To <strong>{m.to}</strong> · {m.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
            </p>
            <h2>
              <a href={`/dev/mailbox/${m.id}`}>{m.subject}</a>
            </h2>
            <form method="post" action={`/dev/mailbox/${m.id}/events`} aria-label={`Resend events for ${m.subject} to ${m.to}`}>
              <button type="submit" name="type" value="email.delivered" className="button secondary">Delivered</button>
              <button type="submit" name="type" value="email.opened" className="button secondary">Opened</button>
              <button type="submit" name="type" value="email.clicked" className="button secondary">Clicked</button>
            </form>
          </li>
        ))}
      </ol>
    </main>
  );
}
