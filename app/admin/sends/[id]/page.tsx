import Link from "next/link";
import { notFound } from "next/navigation";
import { RecipientTable } from "@/components/admin/recipient-table";
import { SendProgress } from "@/components/admin/send-progress";
import { SendTitle } from "@/components/admin/send-title";
import { Notice } from "@/components/ui/notice";
import { requireStaff } from "@/lib/auth/guards";
import { getSend } from "@/lib/newsletter/progress";
import { sendRecipients } from "@/lib/numbers/piece-stats";
import { formatDateTime } from "@/lib/format";
import { retryFailedAction } from "../actions";

export const metadata = { title: "Send" };

export default async function SendPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ retried?: string; page?: string }> }) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  await requireStaff(`/admin/sends/${id}`);
  const send = await getSend(id);
  if (!send) notFound();
  const page = Math.max(1, Math.min(100_000, Number.parseInt(sp.page ?? "1", 10) || 1));
  const recipients = await sendRecipients(send.id, page);
  return (
    <div className="wrap narrow">
      <p className="meta">
        <Link href="/admin/sends">← All sends</Link>
      </p>
      <h1>
        <SendTitle send={send} />
      </h1>
      <dl className="facts">
        <dt>Audience</dt>
        <dd>
          {send.total} recipients: {send.fullCount} full, {send.teaserCount} teaser
        </dd>
        <dt>Requested</dt>
        <dd>{formatDateTime(send.createdAt)}</dd>
        {send.finishedAt ? (
          <>
            <dt>Finished</dt>
            <dd>{formatDateTime(send.finishedAt)}</dd>
          </>
        ) : null}
      </dl>
      <SendProgress sendId={send.id} initial={send} />
      {sp.retried ? (
        <Notice>
          {sp.retried} failed deliver{sp.retried === "1" ? "y" : "ies"} queued again.
        </Notice>
      ) : null}
      {send.failed > 0 ? (
        <form action={retryFailedAction}>
          <input type="hidden" name="sendId" value={send.id} />
          <button className="button secondary" type="submit">
            Retry failed deliveries
          </button>
        </form>
      ) : null}
      <RecipientTable sendId={send.id} rows={recipients.rows} total={recipients.total} page={page} />
    </div>
  );
}
