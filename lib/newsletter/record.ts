import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deliveries, outbox, sendBatches, sends } from "@/db/schema";
import type { Claim } from "./claim";
import type { OutgoingEmail } from "./compose";
import type { EmailResult } from "./provider";
import { LeaseLostError } from "./lease-lost";

/**
 * Writing down what happened to a claimed batch, in one transaction: the batch's status (only
 * while we still hold its claim; otherwise nothing is written and the new holder replays the
 * batch), each delivery's status / provider id / error, and the send's counters.
 */
export interface BatchRow {
  id: string;
  userId: string | null;
  email: string;
}

/** Per row: sent with the provider's id (null if unknown), or failed with a reason. */
export type RowResult = { ok: true; id: string | null; note?: string } | { ok: false; error: string };

type Tx = Db;

async function closeBatch(tx: Tx, claim: Claim, status: "sent" | "failed", error: string | null): Promise<void> {
  const closed = await tx
    .update(sendBatches)
    .set({ status, error, leaseUntil: null, claimToken: null, updatedAt: sql`now()` })
    .where(
      and(
        eq(sendBatches.sendId, claim.sendId),
        eq(sendBatches.batch, claim.batch),
        eq(sendBatches.claimToken, claim.token),
        eq(sendBatches.status, "sending"),
      ),
    )
    .returning({ batch: sendBatches.batch });
  if (closed.length === 0) throw new LeaseLostError(`batch ${claim.batch} of send ${claim.sendId} was taken over`);
}

async function writeRows(tx: Tx, claim: Claim, rows: BatchRow[], results: RowResult[]): Promise<void> {
  const sent = [];
  const failed = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const result = results[i];
    if (!row || !result) continue;
    if (result.ok) sent.push(sql`(${row.id}::text, ${result.id}::text, ${result.note ?? null}::text)`);
    else failed.push(sql`(${row.id}::text, ${result.error.slice(0, 1000)}::text)`);
  }
  if (sent.length > 0) {
    await tx.execute(sql`
      update ${deliveries} as d set status = 'sent', provider_id = v.pid, error = v.note,
        attempts = d.attempts + 1, updated_at = now()
      from (values ${sql.join(sent, sql`, `)}) as v(id, pid, note)
      where d.id = v.id`);
  }
  if (failed.length > 0) {
    await tx.execute(sql`
      update ${deliveries} as d set status = 'failed', error = v.error, attempts = d.attempts + 1, updated_at = now()
      from (values ${sql.join(failed, sql`, `)}) as v(id, error)
      where d.id = v.id`);
  }
  await tx
    .update(sends)
    .set({
      sentCount: sql`${sends.sentCount} + ${sent.length}`,
      failedCount: sql`${sends.failedCount} + ${failed.length}`,
    })
    .where(eq(sends.id, claim.sendId));
}

/** Records a batch the provider answered (or refused). Throws LeaseLostError if the batch is no longer ours. */
export async function recordBatch(d: Db, claim: Claim, rows: BatchRow[], results: RowResult[], batchError: string | null): Promise<void> {
  const anySent = results.some((r) => r.ok);
  await d.transaction(async (tx) => {
    await closeBatch(tx, claim, anySent || rows.length === 0 ? "sent" : "failed", batchError);
    await writeRows(tx, claim, rows, results);
  });
}

/**
 * Demo mode: "sending" is writing one outbox row per recipient, in the same transaction that
 * records the batch, so /dev/mailbox shows each message exactly once whatever crashes.
 */
export async function deliverToOutbox(d: Db, claim: Claim, rows: BatchRow[], emails: OutgoingEmail[]): Promise<void> {
  await d.transaction(async (tx) => {
    await closeBatch(tx, claim, "sent", null);
    const messages = emails.map((m) => ({ id: randomUUID(), from: m.from, to: m.to, subject: m.subject, html: m.html, text: m.text, headers: m.headers }));
    if (messages.length > 0) await tx.insert(outbox).values(messages);
    const results: RowResult[] = rows.map((_, i) => ({ ok: true, id: messages[i]?.id ?? null }));
    await writeRows(tx, claim, rows, results);
  });
}

export function rowResultsOf(results: EmailResult[]): RowResult[] {
  return results.map((r) => (r.ok ? { ok: true, id: r.id } : { ok: false, error: r.error }));
}
