import "server-only";
import { hostname } from "node:os";
import { and, asc, eq } from "drizzle-orm";
import type { Resend } from "resend";
import { type Db } from "@/db/client";
import { db } from "@/lib/db";
import { deliveries, sends } from "@/db/schema";
import { config } from "@/lib/env";
import { resendClient } from "@/lib/mail/transport";
import { batchIdempotencyKey } from "./batch-plan";
import { sleep } from "./backoff";
import { claimBatch, openBatches, renewLease, type Claim } from "./claim";
import { composeEmail, type ComposeContext } from "./compose";
import { finalizeSendIfDone, markSendStarted } from "./finalize";
import { DEFAULT_RETRY, sendBatch, type RetryPolicy } from "./provider";
import { sharedRateGate, type RateGate } from "./rate-gate";
import { LeaseLostError } from "./lease-lost";
import { deliverToOutbox, recordBatch, rowResultsOf, type BatchRow, type RowResult } from "./record";
import { templateFor } from "./templates";

/**
 * A lane: claims batches of one send until none is left, sending each through Resend (or into
 * the local outbox in demo mode) and recording the outcome. Any number of lanes, in any number
 * of processes, can work on one send. Holds one batch at a time, so memory does not grow with
 * the audience.
 */
export interface LaneOptions {
  /** The provider client; undefined = demo mode, deliver into the outbox. */
  resend: Resend | undefined;
  leaseSeconds: number;
  workerId: string;
  gate: RateGate;
  retry: RetryPolicy;
  /** A lane hands over (returns `handover`) after this long, so that jobs stay short. */
  maxLaneMs: number;
  /** Test hook: called at named points of a batch; throwing there simulates a crash. */
  fault?: (point: FaultPoint, claim: Claim) => void;
}

export type FaultPoint = "claimed" | "before-provider" | "after-provider" | "before-record";

export type LaneResult = { kind: "finished" | "handover"; batches: number };

export function defaultLaneOptions(): LaneOptions {
  const cfg = config();
  return {
    resend: resendClient(),
    leaseSeconds: cfg.newsletter.leaseSeconds,
    workerId: `${hostname()}:${process.pid}`,
    gate: sharedRateGate(),
    retry: DEFAULT_RETRY,
    maxLaneMs: 10 * 60_000,
  };
}

async function batchRows(d: Db, claim: Claim): Promise<BatchRow[]> {
  return d
    .select({ id: deliveries.id, userId: deliveries.userId, email: deliveries.email })
    .from(deliveries)
    .where(and(eq(deliveries.sendId, claim.sendId), eq(deliveries.batch, claim.batch), eq(deliveries.status, "pending")))
    .orderBy(asc(deliveries.email));
}

/** Keeps the claim's lease fresh while the batch is worked on; `lost` once someone else has it. */
function keepLease(d: Db, claim: Claim, leaseSeconds: number): { lost: () => boolean; check: () => Promise<void>; stop: () => void } {
  let lost = false;
  const renew = async (): Promise<void> => {
    if (!lost && !(await renewLease(d, claim, leaseSeconds))) lost = true;
  };
  const timer = setInterval(() => {
    renew().catch((err: unknown) => console.error("newsletter: lease renewal failed", err));
  }, Math.max(500, (leaseSeconds * 1000) / 3));
  timer.unref();
  return {
    lost: () => lost,
    async check() {
      await renew();
      if (lost) throw new LeaseLostError(`lost batch ${claim.batch} of send ${claim.sendId}`);
    },
    stop: () => clearInterval(timer),
  };
}

async function processBatch(d: Db, claim: Claim, ctx: ComposeContext, opts: LaneOptions): Promise<void> {
  opts.fault?.("claimed", claim);
  const lease = keepLease(d, claim, opts.leaseSeconds);
  try {
    const rows = await batchRows(d, claim);
    const template = rows.length === 0 ? null : await templateFor(d, claim.sendId, claim.variant);
    if (rows.length > 0 && template === null) {
      const error = claim.variant === "full" ? "no recipient of the full variant has access any more" : "the piece is gone";
      await recordBatch(d, claim, rows, rows.map((): RowResult => ({ ok: false, error })), error);
      return;
    }
    const emails = template === null ? [] : rows.map((r) => composeEmail(template, r, ctx));
    opts.fault?.("before-provider", claim);
    if (!opts.resend) {
      await deliverToOutbox(d, claim, rows, emails);
      return;
    }
    if (emails.length === 0) {
      await recordBatch(d, claim, [], [], null);
      return;
    }
    const outcome = await sendBatch(emails, batchIdempotencyKey(claim.sendId, claim.batch, claim.round), {
      resend: opts.resend,
      gate: opts.gate,
      retry: opts.retry,
      beforeAttempt: lease.check,
    });
    opts.fault?.("after-provider", claim);
    let results: RowResult[];
    let batchError: string | null = null;
    switch (outcome.kind) {
      case "accepted":
        results = rowResultsOf(outcome.results);
        break;
      case "already-accepted":
        results = rows.map(() => ({ ok: true, id: null, note: outcome.error }));
        batchError = outcome.error;
        break;
      case "rejected":
      case "gave-up":
        results = rows.map(() => ({ ok: false, error: outcome.error }));
        batchError = outcome.error;
        break;
    }
    opts.fault?.("before-record", claim);
    await recordBatch(d, claim, rows, results, batchError);
  } finally {
    lease.stop();
  }
}

/** Runs one lane of a send. */
export async function runSendLane(sendId: string, options: Partial<LaneOptions> = {}): Promise<LaneResult> {
  const opts: LaneOptions = { ...defaultLaneOptions(), ...options };
  const d = await db();
  const [send] = await d.select({ id: sends.id, signalChangeId: sends.signalChangeId }).from(sends).where(eq(sends.id, sendId));
  if (!send) return { kind: "finished", batches: 0 };
  await markSendStarted(d, sendId);
  const cfg = config();
  const mail = send.signalChangeId === null ? "pieces" : "alerts";
  const ctx: ComposeContext = { from: cfg.mailFrom, appUrl: cfg.appUrl, secret: cfg.authSecret, mail };
  const started = Date.now();
  let batches = 0;
  for (;;) {
    if (Date.now() - started > opts.maxLaneMs) return { kind: "handover", batches };
    const claim = await claimBatch(d, sendId, opts.leaseSeconds, opts.workerId);
    if (claim) {
      try {
        await processBatch(d, claim, ctx, opts);
        batches += 1;
      } catch (err) {
        if (!(err instanceof LeaseLostError)) throw err;
        // Someone else holds the batch now and will replay it under the same key.
      }
      continue;
    }
    const left = await openBatches(d, sendId);
    if (!left.open) {
      await finalizeSendIfDone(d, sendId);
      return { kind: "finished", batches };
    }
    // Only batches other senders hold are left: wait for them to finish or for their lease to run out.
    await sleep(Math.min(2_000, Math.max(100, left.msUntilLeaseExpiry ?? 1_000)));
  }
}
