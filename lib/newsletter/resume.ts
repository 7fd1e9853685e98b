import { and, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import type { Db } from "@/db/client";
import { sendBatches, sends } from "@/db/schema";
import { enqueueSendLanes } from "./queue";

/**
 * Bringing lost sends back. A send whose jobs vanished (the process died between freezing the
 * audience and enqueueing, or every worker on it died) still has pending batches, or sending
 * batches with a lapsed lease: enqueue its lanes again. Extra lanes are harmless.
 */
export async function unfinishedSendIds(d: Db): Promise<string[]> {
  const rows = await d.select({ id: sends.id }).from(sends).where(inArray(sends.status, ["pending", "sending"]));
  return rows.map((r) => r.id);
}

/** Unfinished sends with claimable batches and no batch activity for `quietSeconds`. */
export async function stalledSendIds(d: Db, quietSeconds: number): Promise<string[]> {
  const claimable = or(
    eq(sendBatches.status, "pending"),
    and(eq(sendBatches.status, "sending"), lt(sendBatches.leaseUntil, sql`now()`)),
  );
  const rows = await d
    .select({ id: sendBatches.sendId })
    .from(sendBatches)
    .innerJoin(sends, eq(sends.id, sendBatches.sendId))
    .where(inArray(sends.status, ["pending", "sending"]))
    .groupBy(sendBatches.sendId)
    .having(
      and(
        sql`bool_or(${claimable})`,
        sql`max(${sendBatches.updatedAt}) < now() - make_interval(secs => ${quietSeconds})`,
      ),
    );
  return rows.map((r) => r.id);
}

export async function resumeSends(boss: PgBoss, sendIds: string[], lanes: number): Promise<void> {
  for (const id of sendIds) await enqueueSendLanes(boss, id, lanes);
}
