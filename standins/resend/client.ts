/**
 * Typed client for the Resend stand-in's /_test/* control endpoints, for
 * tests that run in a different process from the stand-in.
 *
 *   const control = resendStandinClient(process.env.RESEND_BASE_URL!);
 *   await control.reset();
 *   const { messages } = await control.messages({ to: "reader@example.com" });
 */
import type { EmailEventType } from "./webhook-events";
import { z } from "zod";
import {
  configSchema,
  messagePageSchema,
  statsSchema,
  type ConfigPatch,
  type StandinConfig,
  type StandinStats,
} from "./control-schemas";
import type { MessagePage, MessageQuery, RecordedMessage } from "./message-store";

export type { ConfigPatch, StandinConfig, StandinStats } from "./control-schemas";
export type { MessagePage, MessageQuery, RecordedMessage } from "./message-store";

export interface ResendStandinClient {
  readonly url: string;
  /** Resolves when GET /_test/health answers (polls every 50 ms until timeoutMs, default 10 s). */
  waitUntilReady(timeoutMs?: number): Promise<void>;
  /** One page of recorded messages (all of them when no limit is given). */
  messages(q?: MessageQuery): Promise<MessagePage>;
  /** Every recorded message matching `to`, following pages of `pageSize` (default 5,000). */
  allMessages(q?: { to?: string; pageSize?: number }): Promise<RecordedMessage[]>;
  /** Polls until at least `count` messages match `to` (or in total), then returns them. */
  waitForMessages(count: number, q?: { to?: string; timeoutMs?: number; intervalMs?: number }): Promise<RecordedMessage[]>;
  /** requestCount() of the stand-in plus `messages` (number recorded). */
  stats(): Promise<StandinStats>;
  config(): Promise<StandinConfig>;
  /** rateLimitPerSecond: null turns rate limiting off. */
  configure(patch: ConfigPatch): Promise<StandinConfig>;
  reset(): Promise<void>;
  /** Has the stand-in POST a signed event about one recorded message; answers the app's HTTP status. */
  emitEvent(id: string, type: EmailEventType, link?: string): Promise<number>;
}

const okSchema = z.object({ ok: z.literal(true) });

export function resendStandinClient(baseUrl: string): ResendStandinClient {
  const url = baseUrl.replace(/\/+$/, "");

  async function call<T>(schema: z.ZodType<T>, path: string, init?: { method: "POST"; body?: unknown }): Promise<T> {
    const res = await fetch(`${url}${path}`, {
      method: init?.method ?? "GET",
      headers: init?.body === undefined ? undefined : { "content-type": "application/json" },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`Resend stand-in ${init?.method ?? "GET"} ${path} → ${res.status}: ${text}`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`Resend stand-in ${path}: response is not JSON: ${text.slice(0, 200)}`);
    }
    return schema.parse(json);
  }

  function messages(q: MessageQuery = {}): Promise<MessagePage> {
    const params = new URLSearchParams();
    if (q.to !== undefined) params.set("to", q.to);
    if (q.since !== undefined) params.set("since", String(q.since));
    if (q.limit !== undefined) params.set("limit", String(q.limit));
    const qs = params.toString();
    return call(messagePageSchema, `/_test/messages${qs ? `?${qs}` : ""}`);
  }

  async function allMessages(q: { to?: string; pageSize?: number } = {}): Promise<RecordedMessage[]> {
    const out: RecordedMessage[] = [];
    const limit = q.pageSize ?? 5_000;
    let since = 0;
    for (;;) {
      const page = await messages({ ...(q.to === undefined ? {} : { to: q.to }), since, limit });
      out.push(...page.messages);
      if (page.messages.length < limit || page.next >= page.total) return out;
      since = page.next;
    }
  }

  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

  return {
    url,
    async waitUntilReady(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        try {
          await call(okSchema, "/_test/health");
          return;
        } catch (err) {
          if (Date.now() > deadline) throw new Error(`Resend stand-in at ${url} not ready after ${timeoutMs} ms`, { cause: err });
          await sleep(50);
        }
      }
    },
    messages,
    allMessages,
    async waitForMessages(count, q = {}) {
      const deadline = Date.now() + (q.timeoutMs ?? 10_000);
      for (;;) {
        const found = await allMessages(q.to === undefined ? {} : { to: q.to });
        if (found.length >= count) return found;
        if (Date.now() > deadline) {
          throw new Error(`Resend stand-in: expected ${count} messages${q.to ? ` to ${q.to}` : ""}, got ${found.length}`);
        }
        await sleep(q.intervalMs ?? 50);
      }
    },
    stats: () => call(statsSchema, "/_test/stats"),
    config: () => call(configSchema, "/_test/config"),
    configure: (patch) => call(configSchema, "/_test/config", { method: "POST", body: patch }),
    async reset() {
      await call(okSchema, "/_test/reset", { method: "POST" });
    },
    async emitEvent(id, type, link) {
      const r = await call(z.object({ delivered: z.number() }), `/_test/messages/${encodeURIComponent(id)}/events`, { method: "POST", body: { type, link } });
      return r.delivered;
    },
  };
}
