import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sendBatches, sends } from "@/db/schema";
import { forgetTemplates } from "./templates";

/**
 * A send is finished when none of its batches is pending or sending: status `sent`, or `failed`
 * when not a single delivery got through. Runs under the send row's lock, which a retry round
 * also takes, so a send is never closed while a retry round is being queued.
 */
export async function markSendStarted(d: Db, sendId: string): Promise<void> {
  await d
    .update(sends)
    .set({ status: "sending", startedAt: sql`coalesce(${sends.startedAt}, now())` })
    .where(and(eq(sends.id, sendId), eq(sends.status, "pending")));
}

export async function finalizeSendIfDone(d: Db, sendId: string): Promise<boolean> {
  const finished = await d.transaction(async (tx) => {
    const [send] = await tx.select({ status: sends.status }).from(sends).where(eq(sends.id, sendId)).for("update");
    if (!send || send.status === "sent" || send.status === "failed") return false;
    const open = await tx
      .select({ batch: sendBatches.batch })
      .from(sendBatches)
      .where(and(eq(sendBatches.sendId, sendId), inArray(sendBatches.status, ["pending", "sending"])))
      .limit(1);
    if (open.length > 0) return false;
    await tx
      .update(sends)
      .set({
        status: sql`case when ${sends.sentCount} = 0 and ${sends.failedCount} > 0 then 'failed' else 'sent' end`,
        startedAt: sql`coalesce(${sends.startedAt}, now())`,
        finishedAt: sql`now()`,
      })
      .where(eq(sends.id, sendId));
    return true;
  });
  if (finished) await forgetTemplates(d, sendId);
  return finished;
}
