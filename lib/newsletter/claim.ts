import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, lt, min, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sendBatches } from "@/db/schema";
import type { Variant } from "./batch-plan";

/**
 * The batch lock. Claiming moves one batch pending → sending (or takes over a sending batch
 * whose lease ran out because its worker died) with `FOR UPDATE SKIP LOCKED`, so two workers
 * never hold the same batch. The claim token proves ownership when renewing or recording.
 */
export interface Claim {
  sendId: string;
  batch: number;
  variant: Variant;
  round: number;
  token: string;
  /** How many times this batch has been claimed (1 = first time). */
  claims: number;
}

const claimable = (sendId: string) =>
  and(
    eq(sendBatches.sendId, sendId),
    or(eq(sendBatches.status, "pending"), and(eq(sendBatches.status, "sending"), lt(sendBatches.leaseUntil, sql`now()`))),
  );

const leaseFromNow = (seconds: number) => sql`now() + make_interval(secs => ${seconds})`;

export async function claimBatch(d: Db, sendId: string, leaseSeconds: number, workerId: string): Promise<Claim | null> {
  const candidate = d
    .select({ batch: sendBatches.batch })
    .from(sendBatches)
    .where(claimable(sendId))
    .orderBy(asc(sendBatches.batch))
    .limit(1)
    .for("update", { skipLocked: true });
  const token = randomUUID();
  const [row] = await d
    .update(sendBatches)
    .set({
      status: "sending",
      leaseUntil: leaseFromNow(leaseSeconds),
      claimToken: token,
      claimedBy: workerId,
      claims: sql`${sendBatches.claims} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(sendBatches.sendId, sendId), eq(sendBatches.batch, sql`(${candidate})`)))
    .returning({ batch: sendBatches.batch, variant: sendBatches.variant, round: sendBatches.round, claims: sendBatches.claims });
  return row ? { sendId, token, ...row } : null;
}

/** Extends the lease; false when the batch is no longer ours (someone took it over). */
export async function renewLease(d: Db, claim: Claim, leaseSeconds: number): Promise<boolean> {
  const rows = await d
    .update(sendBatches)
    .set({ leaseUntil: leaseFromNow(leaseSeconds), updatedAt: sql`now()` })
    .where(
      and(
        eq(sendBatches.sendId, claim.sendId),
        eq(sendBatches.batch, claim.batch),
        eq(sendBatches.claimToken, claim.token),
        eq(sendBatches.status, "sending"),
      ),
    )
    .returning({ batch: sendBatches.batch });
  return rows.length > 0;
}

/**
 * What is left of a send for lanes: whether any batch is still pending or sending, and how
 * long until the earliest lease of a batch someone else is sending runs out.
 */
export async function openBatches(d: Db, sendId: string): Promise<{ open: boolean; msUntilLeaseExpiry: number | null }> {
  const [row] = await d
    .select({
      open: sql<number>`count(*)::int`,
      ms: sql<number | null>`(extract(epoch from (${min(sendBatches.leaseUntil)} - now())) * 1000)::float8`,
    })
    .from(sendBatches)
    .where(and(eq(sendBatches.sendId, sendId), inArray(sendBatches.status, ["pending", "sending"])));
  const open = Number(row?.open ?? 0) > 0;
  const ms = row?.ms === null || row?.ms === undefined ? null : Number(row.ms);
  return { open, msUntilLeaseExpiry: ms };
}
