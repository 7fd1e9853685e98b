import type { Resend } from "resend";
import { z } from "zod";
import { backoffMs, sleep, type BackoffPolicy } from "./backoff";
import type { OutgoingEmail } from "./compose";
import { LeaseLostError } from "./lease-lost";
import { parseRateLimitHeaders, type RateGate, type RateLimitHeaders } from "./rate-gate";

/**
 * One batch through `resend.batch.send` with permissive validation and the batch's
 * deterministic idempotency key. Waits as the rate-limit headers say, retries 429s, 5xx,
 * network errors and "same key still in progress" (bounded, exponential backoff with jitter),
 * and classifies the end:
 * - accepted: the provider took the batch; per email an id, or (permissive) its own error;
 * - rejected: a definite refusal of the whole batch (4xx): nothing was sent;
 * - already-accepted: the key was used before with a different payload, i.e. an earlier attempt
 *   was accepted: treated as sent (a new key would mail these people twice);
 * - gave-up: transient failures until the retry budget ran out (the batch is marked failed;
 *   an admin retry round re-sends it).
 */
export type EmailResult = { ok: true; id: string } | { ok: false; error: string };

export type BatchOutcome =
  | { kind: "accepted"; results: EmailResult[] }
  | { kind: "rejected"; error: string }
  | { kind: "already-accepted"; error: string }
  | { kind: "gave-up"; error: string };

export interface RetryPolicy {
  /** Attempts for 5xx / network errors / concurrent-key conflicts. */
  maxTransientAttempts: number;
  /** Attempts answered 429 (each waits as long as the provider says). */
  maxRateLimitedAttempts: number;
  backoff: BackoffPolicy;
  requestTimeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxTransientAttempts: 8,
  maxRateLimitedAttempts: 120,
  backoff: { baseMs: 250, maxMs: 10_000 },
  requestTimeoutMs: 60_000,
};

const batchResponseSchema = z.object({
  data: z.array(z.object({ id: z.string().min(1) })),
  errors: z.array(z.object({ index: z.number().int().min(0), message: z.string() })).optional(),
});

/** Pairs the provider's answer with the emails sent: ids go, in order, to the emails without an error. */
export function resultsOf(count: number, raw: unknown): EmailResult[] | null {
  const parsed = batchResponseSchema.safeParse(raw);
  if (!parsed.success) return null;
  const errors = new Map<number, string>();
  for (const e of parsed.data.errors ?? []) if (e.index < count) errors.set(e.index, e.message);
  if (parsed.data.data.length + errors.size !== count) return null;
  const ids = parsed.data.data.values();
  const out: EmailResult[] = [];
  for (let i = 0; i < count; i++) {
    const error = errors.get(i);
    if (error !== undefined) out.push({ ok: false, error });
    else out.push({ ok: true, id: ids.next().value?.id ?? "" });
  }
  return out;
}

type Failure = "transient" | "rate-limited" | "rejected" | "already-accepted";

function classify(statusCode: number | null, name: string): Failure {
  if (statusCode === null) return "transient"; // network error, timeout: the key makes a retry safe
  if (statusCode === 429) return name === "daily_quota_exceeded" || name === "monthly_quota_exceeded" ? "rejected" : "rate-limited";
  if (statusCode === 409) return name === "invalid_idempotent_request" ? "already-accepted" : "transient";
  if (statusCode >= 500) return "transient";
  return "rejected";
}

export interface SendBatchOptions {
  resend: Resend;
  gate: RateGate;
  retry: RetryPolicy;
  /** Called before every attempt (the sender renews its lease there; throwing aborts). */
  beforeAttempt?: () => Promise<void>;
  random?: () => number;
}

export async function sendBatch(emails: OutgoingEmail[], idempotencyKey: string, opts: SendBatchOptions): Promise<BatchOutcome> {
  let transient = 0;
  let limited = 0;
  for (;;) {
    const ticket = await opts.gate.acquire();
    let statusCode: number | null = null;
    let name = "application_error";
    let message: string;
    let limits: RateLimitHeaders | null = null;
    try {
      await opts.beforeAttempt?.();
      const res = await opts.resend.batch.send(emails, {
        idempotencyKey,
        batchValidation: "permissive",
        signal: AbortSignal.timeout(opts.retry.requestTimeoutMs),
      });
      limits = res.headers ? parseRateLimitHeaders(res.headers) : null;
      if (res.error === null) {
        const results = resultsOf(emails.length, res.data);
        if (results) return { kind: "accepted", results };
        // Accepted, but we cannot tell which id is whose: count them as sent rather than risk a second mail.
        return { kind: "already-accepted", error: "provider accepted the batch with an unexpected response shape" };
      }
      statusCode = res.error.statusCode;
      name = res.error.name;
      message = res.error.message;
    } catch (err) {
      if (err instanceof LeaseLostError) throw err;
      message = err instanceof Error ? err.message : String(err);
    } finally {
      opts.gate.observe(limits, ticket);
    }
    const failure = classify(statusCode, name);
    const what = `${statusCode ?? "network"} ${name}: ${message}`;
    if (failure === "rejected") return { kind: "rejected", error: what };
    if (failure === "already-accepted") return { kind: "already-accepted", error: what };
    if (failure === "rate-limited") {
      limited += 1;
      if (limited >= opts.retry.maxRateLimitedAttempts) return { kind: "gave-up", error: `rate limited ${limited} times: ${what}` };
      // With retry-after the gate already holds every sender back until then; without it, back off.
      if (limits?.retryAfterSeconds === undefined) await sleep(backoffMs(Math.min(limited, 4), opts.retry.backoff, opts.random));
      continue;
    }
    transient += 1;
    if (transient >= opts.retry.maxTransientAttempts) return { kind: "gave-up", error: `failed ${transient} times: ${what}` };
    await sleep(backoffMs(transient, opts.retry.backoff, opts.random));
  }
}
