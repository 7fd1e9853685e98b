import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deliveries, sendBatches, sends } from "@/db/schema";
import type { AudienceMember } from "./audience";
import { BatchAllocator } from "./batch-plan";

/**
 * Freezing an audience into a fresh send, inside the caller's transaction: its `deliveries`
 * (unique per send and address, each with its variant and batch), its `send_batches` and its
 * counts. New pieces and signal alerts share it, and with it the exactly-once sending.
 */
const INSERT_CHUNK = 1_000;

export async function freezeAudience(tx: Db, sendId: string, pages: AsyncIterable<AudienceMember[]>): Promise<{ total: number; finished: boolean }> {
  const batches = new BatchAllocator();
  for await (const page of pages) {
    const rows = page.map((m) => ({ sendId, userId: m.userId, email: m.email, variant: m.variant, batch: batches.assign(m.variant) }));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await tx.insert(deliveries).values(rows.slice(i, i + INSERT_CHUNK)).onConflictDoNothing();
    }
  }
  // Batches and counts from what was actually inserted (an address twice in users is one delivery).
  await tx.execute(sql`
    insert into ${sendBatches} (send_id, batch, variant, size)
    select send_id, batch, min(variant), count(*)::int from ${deliveries}
    where send_id = ${sendId} group by send_id, batch`);
  const [counts] = await tx
    .select({
      total: sql<number>`count(*)::int`,
      full: sql<number>`(count(*) filter (where ${deliveries.variant} = 'full'))::int`,
    })
    .from(deliveries)
    .where(eq(deliveries.sendId, sendId));
  const total = Number(counts?.total ?? 0);
  const full = Number(counts?.full ?? 0);
  const empty = total === 0;
  await tx
    .update(sends)
    .set({
      total,
      fullCount: full,
      teaserCount: total - full,
      ...(empty ? { status: "sent" as const, startedAt: new Date(), finishedAt: new Date() } : {}),
    })
    .where(eq(sends.id, sendId));
  return { total, finished: empty };
}
