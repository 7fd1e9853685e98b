import { sleep } from "./backoff";

/**
 * The provider's rate limit as its response headers describe it, shared by every sender in this
 * process: `ratelimit-limit` requests per window, `ratelimit-remaining` left in the current one,
 * which ends in `ratelimit-reset` seconds; a 429 says `retry-after` seconds. Senders wait in
 * `acquire()` instead of collecting 429s. Resend's limits are per second, so a window is taken
 * to be WINDOW_MS long; the estimate of where it ends only ever moves earlier (every response
 * bounds it), so it does not drift by the response latency. Until the first answer tells the
 * limit, one request probes alone. Workers in other processes have their own gate; the 429s
 * they cause are absorbed by `retry-after`.
 */
export interface RateLimitHeaders {
  limit?: number;
  remaining?: number;
  resetSeconds?: number;
  retryAfterSeconds?: number;
}

/** Which window estimate a request was admitted under (answers from older windows don't count). */
export interface GateTicket {
  generation: number;
}

const WINDOW_MS = 1_000;
const PROBE_TIMEOUT_MS = 10_000;

const nonNegative = (raw: string | undefined): number | undefined => {
  if (raw === undefined || raw.trim() === "") return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

/** Reads the standard rate-limit headers (as the resend SDK returns them: lower-case keys). */
export function parseRateLimitHeaders(headers: Record<string, string> | null): RateLimitHeaders {
  if (!headers) return {};
  const out: RateLimitHeaders = {};
  const limit = nonNegative(headers["ratelimit-limit"]);
  const remaining = nonNegative(headers["ratelimit-remaining"]);
  const reset = nonNegative(headers["ratelimit-reset"]);
  const retryAfter = nonNegative(headers["retry-after"]);
  if (limit !== undefined && limit >= 1) out.limit = Math.floor(limit);
  if (remaining !== undefined) out.remaining = Math.floor(remaining);
  if (reset !== undefined) out.resetSeconds = reset;
  if (retryAfter !== undefined) out.retryAfterSeconds = retryAfter;
  return out;
}

export class RateGate {
  private blockedUntil = 0;
  private limit: number | null = null;
  /** Requests we may still start in the current window; null = no limit known. */
  private remaining: number | null = null;
  private windowEndsAt = 0;
  private generation = 0;
  private probe: Promise<void> | null = null;
  private endProbe: (() => void) | null = null;
  private learned = false;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  /** Resolves when a request may start, and counts it against the current window. */
  async acquire(): Promise<GateTicket> {
    for (;;) {
      const now = this.now();
      if (now < this.blockedUntil) {
        await sleep(this.blockedUntil - now);
        continue;
      }
      if (!this.learned) {
        if (this.probe) {
          const answered = await Promise.race([this.probe.then(() => true), sleep(PROBE_TIMEOUT_MS).then(() => false)]);
          if (!answered) this.learned = true; // the probe hangs: stop waiting for it
          continue;
        }
        this.probe = new Promise<void>((resolve) => (this.endProbe = resolve));
        return { generation: this.generation };
      }
      if (this.remaining !== null && now >= this.windowEndsAt) {
        // Our estimate of the window is over: the next one starts with the whole limit.
        this.generation += 1;
        this.remaining = this.limit;
        this.windowEndsAt = now + WINDOW_MS;
      }
      if (this.remaining !== null && this.remaining <= 0) {
        await sleep(Math.max(1, this.windowEndsAt - now));
        continue;
      }
      if (this.remaining !== null) this.remaining -= 1;
      return { generation: this.generation };
    }
  }

  /**
   * Learn from an attempt: the answer's headers, or null when there was no answer (network
   * error). An answer without rate-limit headers means no limit applies (any more).
   */
  observe(answer: RateLimitHeaders | null, ticket: GateTicket): void {
    const now = this.now();
    const h = answer ?? {};
    if (answer !== null && answer.limit === undefined && answer.remaining === undefined) {
      this.limit = null;
      this.remaining = null;
    }
    if (h.limit !== undefined) this.limit = h.limit;
    if (h.remaining !== undefined && h.resetSeconds !== undefined && ticket.generation === this.generation) {
      const endsAt = now + Math.max(h.resetSeconds * 1000, 1);
      if (this.remaining === null) {
        this.remaining = h.remaining;
        this.windowEndsAt = endsAt;
      } else {
        this.remaining = Math.min(this.remaining, h.remaining);
        this.windowEndsAt = Math.min(this.windowEndsAt, endsAt);
      }
    }
    if (h.retryAfterSeconds !== undefined) {
      // A little jitter so that every waiting sender doesn't hit the next window at the same instant.
      const until = now + h.retryAfterSeconds * 1000 + Math.round(50 * this.random());
      this.blockedUntil = Math.max(this.blockedUntil, until);
      if (this.remaining !== null) this.remaining = 0;
    }
    if (this.probe) {
      this.learned = true;
      this.probe = null;
      this.endProbe?.();
      this.endProbe = null;
    }
  }
}

const store = globalThis as unknown as { esmNewsletterGate?: RateGate };

/** The process-wide gate for the provider. */
export function sharedRateGate(): RateGate {
  store.esmNewsletterGate ??= new RateGate();
  return store.esmNewsletterGate;
}
