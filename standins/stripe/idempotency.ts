/** Remembers responses by Idempotency-Key so a retried POST replays instead of acting twice. */
import { StripeApiError } from "./errors";
import type { Json } from "./json";

const MAX_KEYS = 5000;

export interface StoredResponse {
  status: number;
  body: Json;
}

interface Entry extends StoredResponse {
  fingerprint: string;
}

export class IdempotencyCache {
  private readonly entries = new Map<string, Entry>();

  /** The stored response for this key, or undefined. Throws if the key was used for a different request. */
  lookup(key: string, fingerprint: string): StoredResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.fingerprint !== fingerprint) {
      throw new StripeApiError(
        400,
        `Keys for idempotent requests can only be used with the same parameters they were first used with. ` +
          `Try using a key other than '${key}' if you meant to execute a different request.`,
        "idempotency_error",
      );
    }
    return { status: entry.status, body: entry.body };
  }

  store(key: string, fingerprint: string, response: StoredResponse): void {
    this.entries.set(key, { fingerprint, ...response });
    if (this.entries.size > MAX_KEYS) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}
