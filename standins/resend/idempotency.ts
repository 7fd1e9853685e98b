/**
 * Idempotency-Key store, modelled on Resend's behaviour:
 * - the first request with a key is processed; its response is kept for 24 h;
 * - same key + same request fingerprint → the stored response is replayed;
 * - same key + different fingerprint → 409 invalid_idempotent_request;
 * - same key while the first request is still being processed → 409 concurrent_idempotent_requests.
 * The caller decides which responses are stored (429/500 are not: the entry is abandoned).
 *
 * Keys are scoped by API key. Entries live in a Map in insertion order; since
 * they all share one TTL, expired entries sit at the front and are pruned
 * there, so each operation is amortised O(1).
 */
export interface StoredResponse {
  status: number;
  body: string;
}

interface Entry {
  state: "in-progress" | "done";
  fingerprint: string;
  response: StoredResponse | null;
  expiresAt: number;
}

export type BeginResult =
  | { kind: "new" }
  | { kind: "in-progress" }
  | { kind: "done"; fingerprint: string; response: StoredResponse };

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export class IdempotencyStore {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number = IDEMPOTENCY_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Called when a request with a key arrives (before its body is read). */
  begin(scope: string): BeginResult {
    const now = this.now();
    this.prune(now);
    const existing = this.entries.get(scope);
    if (existing && existing.state === "done" && existing.expiresAt <= now) {
      this.entries.delete(scope);
    } else if (existing) {
      if (existing.state === "in-progress" || existing.response === null) return { kind: "in-progress" };
      return { kind: "done", fingerprint: existing.fingerprint, response: existing.response };
    }
    this.entries.set(scope, { state: "in-progress", fingerprint: "", response: null, expiresAt: Number.POSITIVE_INFINITY });
    return { kind: "new" };
  }

  /** Store the final response for a key obtained with begin() → "new". */
  complete(scope: string, fingerprint: string, response: StoredResponse): void {
    const entry = this.entries.get(scope);
    if (!entry || entry.state !== "in-progress") return;
    // Re-insert so that Map order follows expiry order.
    this.entries.delete(scope);
    this.entries.set(scope, { state: "done", fingerprint, response, expiresAt: this.now() + this.ttlMs });
  }

  /** Forget a key obtained with begin() → "new" without storing anything (e.g. 500, client gone). */
  abandon(scope: string): void {
    const entry = this.entries.get(scope);
    if (entry && entry.state === "in-progress") this.entries.delete(scope);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.state === "in-progress") continue; // few at a time (bounded by open requests)
      if (entry.expiresAt > now) return;
      this.entries.delete(key);
    }
  }
}
