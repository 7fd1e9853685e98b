/**
 * Signs and POSTs events to the webhook URL, asynchronously: in order per customer,
 * retrying non-2xx answers and connection errors with a short backoff, then giving up.
 */
import http from "node:http";
import https from "node:https";
import Stripe from "stripe";
import type { StripeEventRecord } from "./records";

export const DEFAULT_RETRY_DELAYS_MS = [200, 1000, 3000];
const ATTEMPT_TIMEOUT_MS = 30_000;

export interface WebhookDeliveryOptions {
  url: string;
  secret: string;
  /** Waits between attempts; one attempt more than there are delays. */
  retryDelaysMs?: number[];
  /** Called after every attempt so the caller can persist the new status. */
  onAttempt: (record: StripeEventRecord) => void;
}

interface AttemptResult {
  statusCode: number | null;
  error: string | null;
}

export class WebhookDelivery {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly requests = new Set<http.ClientRequest>();
  private readonly sleepers = new Set<() => void>();
  private closing = false;
  private readonly delays: number[];

  constructor(private readonly opts: WebhookDeliveryOptions) {
    this.delays = opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  }

  /** Queues a delivery behind earlier ones for the same customer. Never throws, never blocks. */
  enqueue(record: StripeEventRecord): void {
    if (this.closing) return;
    const key = record.customer ?? "_no_customer";
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.deliver(record)).catch(() => undefined);
    this.chains.set(key, next);
    this.inFlight.add(next);
    void next.finally(() => {
      this.inFlight.delete(next);
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
  }

  /** Resolves once every queued delivery has been attempted (including ones queued meanwhile). */
  async flush(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Stops retrying, aborts requests in flight; undelivered events stay "pending". */
  async close(): Promise<void> {
    this.closing = true;
    for (const wake of this.sleepers) wake();
    for (const request of this.requests) request.destroy(new Error("stand-in closing"));
    await this.flush();
  }

  private async deliver(record: StripeEventRecord): Promise<void> {
    const payload = JSON.stringify(record.event, null, 2);
    for (let attempt = 0; attempt <= this.delays.length; attempt++) {
      if (this.closing) return;
      const result = await this.post(payload);
      if (this.closing && result.statusCode === null) return; // aborted by close(): leave pending
      const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
      record.delivery.attempts += 1;
      record.delivery.last_status_code = result.statusCode;
      record.delivery.last_error = ok ? null : (result.error ?? `HTTP ${result.statusCode ?? "?"}`);
      if (ok) {
        record.delivery.status = "delivered";
        record.delivery.delivered_at = Math.floor(Date.now() / 1000);
        this.opts.onAttempt(record);
        return;
      }
      const delay = this.delays[attempt];
      if (delay === undefined) {
        record.delivery.status = "failed";
        this.opts.onAttempt(record);
        return;
      }
      this.opts.onAttempt(record);
      await this.sleep(delay);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  private post(payload: string): Promise<AttemptResult> {
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: this.opts.secret });
    const url = new URL(this.opts.url);
    const transport = url.protocol === "https:" ? https : http;
    return new Promise((resolve) => {
      const request = transport.request(
        url,
        {
          method: "POST",
          timeout: ATTEMPT_TIMEOUT_MS,
          headers: {
            "Content-Type": "application/json; charset=utf-8",
            "Content-Length": Buffer.byteLength(payload),
            "Stripe-Signature": signature,
            "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
            "Cache-Control": "no-cache",
          },
        },
        (response) => {
          response.resume();
          response.on("end", () => {
            this.requests.delete(request);
            resolve({ statusCode: response.statusCode ?? null, error: null });
          });
          response.on("error", (error) => {
            this.requests.delete(request);
            resolve({ statusCode: response.statusCode ?? null, error: error.message });
          });
        },
      );
      this.requests.add(request);
      request.on("timeout", () => request.destroy(new Error(`timed out after ${ATTEMPT_TIMEOUT_MS} ms`)));
      request.on("error", (error) => {
        this.requests.delete(request);
        resolve({ statusCode: null, error: error.message });
      });
      request.end(payload);
    });
  }
}
