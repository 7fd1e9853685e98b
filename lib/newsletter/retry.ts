import "server-only";
import { and, eq, gte, max, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/access/rule";
import { authorizeStaff } from "@/lib/staff/authz";
import { deliveries, sendBatches, sends } from "@/db/schema";
import { config } from "@/lib/env";
import { boss } from "@/lib/jobs/boss";
import { BATCH_SIZE } from "./batch-plan";
import { enqueueSendLanes } from "./queue";

/**
 * A retry round: the send's failed deliveries (and only those) move into new batches, numbered
 * after the last one and marked with the round, so their idempotency keys are new: a retry is a
 * new request to the provider, not a replay of the refused one. Sent/delivered rows are never
 * touched. Staff only. Returns how many deliveries were queued again.
 */
export async function retryFailedDeliveries(viewer: Viewer, sendId: string): Promise<{ requeued: number; round: number }> {
  await authorizeStaff(viewer);
  const id = z.string().min(1).max(100).parse(sendId);
  const d = await db();
  const result = await d.transaction(async (tx) => {
    const [send] = await tx.select({ id: sends.id }).from(sends).where(eq(sends.id, id)).for("update");
    if (!send) throw new Error(`No send with id ${id}.`);
    const [last] = await tx
      .select({ batch: max(sendBatches.batch), round: max(sendBatches.round) })
      .from(sendBatches)
      .where(eq(sendBatches.sendId, id));
    const base = (last?.batch ?? -1) + 1;
    const round = (last?.round ?? 0) + 1;
    // Variant-homogeneous batches of BATCH_SIZE: full ones first, then teaser ones.
    await tx.execute(sql`
      with f as (
        select id, variant, (row_number() over (partition by variant order by email) - 1) / ${BATCH_SIZE} as k
        from ${deliveries} where send_id = ${id} and status = 'failed'
      ), nf as (
        select coalesce(max(k) + 1, 0) as n from f where variant = 'full'
      )
      update ${deliveries} as d
      set batch = ${base} + case when f.variant = 'full' then f.k else (select n from nf) + f.k end,
          status = 'pending', error = null, updated_at = now()
      from f where d.id = f.id`);
    await tx.execute(sql`
      insert into ${sendBatches} (send_id, batch, variant, round, size)
      select send_id, batch, min(variant), ${round}::int, count(*)::int from ${deliveries}
      where send_id = ${id} and batch >= ${base} group by send_id, batch`);
    const [moved] = await tx
      .select({ n: sql<number>`coalesce(sum(${sendBatches.size}), 0)::int` })
      .from(sendBatches)
      .where(and(eq(sendBatches.sendId, id), gte(sendBatches.batch, base)));
    const n = Number(moved?.n ?? 0);
    if (n > 0) {
      await tx
        .update(sends)
        .set({ status: "sending", finishedAt: null, failedCount: sql`greatest(0, ${sends.failedCount} - ${n})` })
        .where(eq(sends.id, id));
    }
    return { requeued: n, round: n > 0 ? round : round - 1 };
  });
  if (result.requeued > 0) await enqueueSendLanes(await boss(), id, config().newsletter.lanes);
  return result;
}
