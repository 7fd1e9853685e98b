/**
 * Fixed-window rate limiter: windows are aligned on wall-clock seconds
 * (window = [floor(now/1000)*1000, +1000ms)). At most `limit` requests are
 * admitted per window; the (limit+1)-th request in the same window is refused.
 * Refused requests do not consume quota.
 */
export interface RateLimitState {
  /** Requests allowed per window. */
  limit: number;
  /** Admissions left in the current window (after this request, if admitted). */
  remaining: number;
  /** Whole seconds until the current window ends (always 1 for a 1 s window: ceil of a value in (0, 1]). */
  resetSeconds: number;
  /** Milliseconds until the current window ends (1..1000). */
  resetMs: number;
}

export class FixedWindowRateLimiter {
  private windowStart = -1;
  private used = 0;

  constructor(public limit: number) {}

  private roll(now: number): number {
    const start = Math.floor(now / 1000) * 1000;
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.used = 0;
    }
    return start;
  }

  private state(now: number, start: number): RateLimitState {
    const resetMs = start + 1000 - now;
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - this.used),
      resetSeconds: Math.max(1, Math.ceil(resetMs / 1000)),
      resetMs,
    };
  }

  /** Try to admit one request at `now`. */
  take(now: number = Date.now()): { allowed: boolean; state: RateLimitState } {
    const start = this.roll(now);
    if (this.used >= this.limit) return { allowed: false, state: this.state(now, start) };
    this.used += 1;
    return { allowed: true, state: this.state(now, start) };
  }

  /** Current state without consuming quota. */
  peek(now: number = Date.now()): RateLimitState {
    return this.state(now, this.roll(now));
  }
}
