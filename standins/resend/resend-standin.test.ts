/**
 * Tests of the Resend stand-in, driven through the REAL `resend` SDK.
 * Run: npx vitest run standins/resend
 */
import { Resend, type CreateBatchOptions, type CreateEmailOptions } from "resend";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resendStandinClient } from "./client";
import { startResendStandin, type ResendStandin } from "./server";
import { spawnResendStandin, type SpawnedResendStandin } from "./spawn";

const FROM = "ESM Insight <news@esm-insight.test>";
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function email(i: number, to: string | string[] = `reader${i}@example.com`): CreateEmailOptions {
  return { from: FROM, to, subject: `Issue ${i}`, html: `<p>Issue ${i}</p>`, text: `Issue ${i}` };
}

function batch(n: number, prefix = "b"): CreateBatchOptions {
  return Array.from({ length: n }, (_, i) => ({
    from: FROM,
    to: `${prefix}${i}@example.com`,
    subject: `Batch ${prefix} #${i}`,
    text: `hello ${i}`,
  }));
}

/** Raw HTTP call, for payloads the SDK's types would not let us build. */
async function raw(
  url: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; json: unknown; headers: Headers }> {
  const res = await fetch(`${url}${path}`, {
    method: init.method ?? "POST",
    headers: { "content-type": "application/json", authorization: "Bearer re_test_x", ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, headers: res.headers };
}

/** Wait until just after a wall-clock second boundary (rate-limit windows are aligned on them). */
async function alignToSecond(): Promise<void> {
  await sleep(1000 - (Date.now() % 1000) + 15);
}

describe("Resend stand-in (in-process)", () => {
  let standin: ResendStandin;
  let resend: Resend;

  beforeAll(async () => {
    standin = await startResendStandin({ port: 0, seed: 7 });
    resend = new Resend("re_test_x", { baseUrl: standin.url });
  });
  afterAll(async () => {
    await standin.close();
  });
  beforeEach(() => {
    standin.reset();
  });

  it("sends a single email and retrieves it in Resend's shape", async () => {
    const sent = await resend.emails.send({
      from: FROM,
      to: ["Ada <ada@example.com>", "bob@example.com"],
      cc: "carol@example.com",
      replyTo: "editor@esm-insight.test",
      subject: "Welcome",
      html: "<h1>Hi</h1>",
      text: "Hi",
      headers: { "List-Unsubscribe": "<https://esm-insight.test/u/1>" },
      tags: [{ name: "category", value: "welcome" }],
    });
    expect(sent.error).toBeNull();
    const id = sent.data?.id ?? "";
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const got = await resend.emails.get(id);
    expect(got.error).toBeNull();
    expect(got.data).toMatchObject({
      object: "email",
      id,
      from: FROM,
      to: ["Ada <ada@example.com>", "bob@example.com"],
      cc: ["carol@example.com"],
      bcc: null,
      reply_to: ["editor@esm-insight.test"],
      subject: "Welcome",
      html: "<h1>Hi</h1>",
      text: "Hi",
      last_event: "delivered",
      scheduled_at: null,
      tags: [{ name: "category", value: "welcome" }],
    });
    expect(new Date(got.data?.created_at ?? "").toISOString()).toBe(got.data?.created_at);

    const [m, ...rest] = standin.messages();
    expect(rest).toHaveLength(0);
    expect(m).toMatchObject({
      id,
      seq: 0,
      from: FROM,
      to: ["Ada <ada@example.com>", "bob@example.com"],
      subject: "Welcome",
      html: "<h1>Hi</h1>",
      text: "Hi",
      headers: { "List-Unsubscribe": "<https://esm-insight.test/u/1>" },
      tags: [{ name: "category", value: "welcome" }],
    });
    expect(m?.idempotencyKey).toBeUndefined();
    expect(m?.batchIndex).toBeUndefined();
    expect(standin.requestCount()).toEqual({ total: 2, rateLimited: 0, failed: 0, idempotentReplays: 0 });
  });

  it("answers 404 not_found for an unknown email id", async () => {
    const got = await resend.emails.get("00000000-0000-4000-8000-000000000000");
    expect(got.data).toBeNull();
    expect(got.error).toMatchObject({ statusCode: 404, name: "not_found" });
  });

  it("honours RESEND_BASE_URL when no baseUrl option is given", async () => {
    const before = process.env.RESEND_BASE_URL;
    process.env.RESEND_BASE_URL = standin.url;
    try {
      const viaEnv = new Resend("re_env_key");
      const sent = await viaEnv.emails.send(email(1));
      expect(sent.error).toBeNull();
      expect(standin.messages().map((m) => m.id)).toEqual([sent.data?.id]);
    } finally {
      if (before === undefined) delete process.env.RESEND_BASE_URL;
      else process.env.RESEND_BASE_URL = before;
    }
  });

  it("validates single emails with 422 validation_error and records nothing", async () => {
    const base = { from: FROM, to: "a@example.com", subject: "s", text: "t" };
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ["missing from", { ...base, from: undefined }, /Missing `from`/],
      ["missing to", { ...base, to: undefined }, /Missing `to`/],
      ["missing subject", { ...base, subject: undefined }, /Missing `subject`/],
      ["missing html and text", { ...base, text: undefined }, /Missing `html` or `text`/],
      ["invalid to", { ...base, to: "not-an-email" }, /Invalid `to`/],
      ["invalid from", { ...base, from: "ESM Insight <nope>" }, /Invalid `from`/],
      ["51 recipients", { ...base, to: Array.from({ length: 51 }, (_, i) => `r${i}@example.com`) }, /maximum number of recipients is 50/],
    ];
    for (const [label, body, message] of cases) {
      const r = await raw(standin.url, "/emails", { body });
      expect(r.status, label).toBe(422);
      expect(r.json, label).toMatchObject({ statusCode: 422, name: "validation_error" });
      expect(JSON.stringify(r.json), label).toMatch(message);
    }
    // 50 recipients is fine
    const ok = await resend.emails.send(email(0, Array.from({ length: 50 }, (_, i) => `r${i}@example.com`)));
    expect(ok.error).toBeNull();
    expect(standin.messages()).toHaveLength(1);
    expect(standin.messages()[0]?.to).toHaveLength(50);

    // and through the SDK an invalid address surfaces as an error object
    const bad = await resend.emails.send(email(1, "nobody"));
    expect(bad.data).toBeNull();
    expect(bad.error).toMatchObject({ statusCode: 422, name: "validation_error" });
    expect(standin.messages()).toHaveLength(1);
  });

  it("requires a Bearer re_ API key: 401 missing_api_key / 403 invalid_api_key", async () => {
    const none = await raw(standin.url, "/emails", { body: { from: FROM, to: "a@example.com", subject: "s", text: "t" }, headers: { authorization: "" } });
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({ statusCode: 401, name: "missing_api_key" });

    const wrong = await new Resend("sk_live_wrong", { baseUrl: standin.url }).emails.send(email(1));
    expect(wrong.data).toBeNull();
    expect(wrong.error).toMatchObject({ statusCode: 403, name: "invalid_api_key" });
    expect(standin.messages()).toHaveLength(0);
  });

  it("records a batch of 100 in order", async () => {
    const res = await resend.batch.send(batch(100));
    expect(res.error).toBeNull();
    const ids = res.data?.data.map((d) => d.id) ?? [];
    expect(ids).toHaveLength(100);
    expect(new Set(ids).size).toBe(100);
    expect(res.data).not.toHaveProperty("errors");

    const msgs = standin.messages();
    expect(msgs.map((m) => m.id)).toEqual(ids);
    expect(msgs.map((m) => m.batchIndex)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(msgs.map((m) => m.to[0])).toEqual(Array.from({ length: 100 }, (_, i) => `b${i}@example.com`));
    expect(msgs[99]).toMatchObject({ seq: 99, subject: "Batch b #99", text: "hello 99" });

    const got = await resend.emails.get(ids[42] ?? "");
    expect(got.data).toMatchObject({ to: ["b42@example.com"], subject: "Batch b #42" });
  });

  it("rejects a batch of 101 with 422 and records nothing", async () => {
    const res = await resend.batch.send(batch(101));
    expect(res.data).toBeNull();
    expect(res.error).toMatchObject({ statusCode: 422, name: "validation_error" });
    expect(res.error?.message).toMatch(/maximum is 100/);
    expect(standin.messages()).toHaveLength(0);
  });

  it("strict batch validation (default) rejects the whole batch for one invalid address", async () => {
    const emails = batch(3);
    const second = emails[1];
    if (second) second.to = "not-an-email";
    const res = await resend.batch.send(emails);
    expect(res.data).toBeNull();
    expect(res.error).toMatchObject({ statusCode: 422, name: "validation_error" });
    expect(res.error?.message).toMatch(/index 1: Invalid `to`/);
    expect(standin.messages()).toHaveLength(0);

    const explicit = await resend.batch.send(emails, { batchValidation: "strict" });
    expect(explicit.error).toMatchObject({ statusCode: 422 });
    expect(standin.messages()).toHaveLength(0);
  });

  it("permissive batch validation sends the valid emails and reports the invalid ones", async () => {
    const emails = batch(3);
    const second = emails[1];
    if (second) second.to = "not-an-email";
    const res = await resend.batch.send(emails, { batchValidation: "permissive" });
    expect(res.error).toBeNull();
    expect(res.data?.data).toHaveLength(2);
    expect(res.data?.errors).toHaveLength(1);
    expect(res.data?.errors[0]?.index).toBe(1);
    expect(res.data?.errors[0]?.message).toMatch(/Invalid `to`/);

    const msgs = standin.messages();
    expect(msgs.map((m) => m.id)).toEqual(res.data?.data.map((d) => d.id));
    expect(msgs.map((m) => m.batchIndex)).toEqual([0, 2]);
    expect(msgs.map((m) => m.to)).toEqual([["b0@example.com"], ["b2@example.com"]]);
  });

  it("replays an idempotent single send: same id, nothing recorded again", async () => {
    const first = await resend.emails.send(email(1), { idempotencyKey: "welcome/1" });
    const second = await resend.emails.send(email(1), { idempotencyKey: "welcome/1" });
    expect(first.error).toBeNull();
    expect(second.error).toBeNull();
    expect(second.data?.id).toBe(first.data?.id);
    expect(second.headers?.["idempotent-replayed"]).toBe("true");
    expect(first.headers?.["idempotent-replayed"]).toBeUndefined();
    expect(standin.messages()).toHaveLength(1);
    expect(standin.messages()[0]?.idempotencyKey).toBe("welcome/1");
    expect(standin.requestCount()).toEqual({ total: 2, rateLimited: 0, failed: 0, idempotentReplays: 1 });

    // a different key is a different request
    const third = await resend.emails.send(email(1), { idempotencyKey: "welcome/2" });
    expect(third.data?.id).not.toBe(first.data?.id);
    expect(standin.messages()).toHaveLength(2);
  });

  it("replays an idempotent batch: same ids in the same order, nothing recorded again", async () => {
    const emails = batch(100, "idem");
    const first = await resend.batch.send(emails, { idempotencyKey: "issue-7/chunk-0" });
    const second = await resend.batch.send(emails, { idempotencyKey: "issue-7/chunk-0" });
    expect(first.error).toBeNull();
    expect(second.data?.data.map((d) => d.id)).toEqual(first.data?.data.map((d) => d.id));
    expect(standin.messages()).toHaveLength(100);
    expect(standin.messages().every((m) => m.idempotencyKey === "issue-7/chunk-0")).toBe(true);
    expect(standin.requestCount().idempotentReplays).toBe(1);
  });

  it("answers 409 invalid_idempotent_request when a key is reused with a different body", async () => {
    const first = await resend.emails.send(email(1), { idempotencyKey: "k" });
    expect(first.error).toBeNull();
    const other = await resend.emails.send(email(2), { idempotencyKey: "k" });
    expect(other.data).toBeNull();
    expect(other.error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });
    // same key on the batch endpoint is a different request too
    const asBatch = await resend.batch.send(batch(1), { idempotencyKey: "k" });
    expect(asBatch.error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });
    // and the permissive/strict mode is part of the request
    const b1 = await resend.batch.send(batch(2), { idempotencyKey: "kb" });
    const b2 = await resend.batch.send(batch(2), { idempotencyKey: "kb", batchValidation: "permissive" });
    expect(b1.error).toBeNull();
    expect(b2.error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });
    expect(standin.messages()).toHaveLength(3);
  });

  it("answers 409 concurrent_idempotent_requests while the first request is in progress", async () => {
    standin.configure({ latencyMs: 300 });
    const [a, b] = await Promise.all([
      resend.emails.send(email(1), { idempotencyKey: "race" }),
      sleep(50).then(() => resend.emails.send(email(1), { idempotencyKey: "race" })),
    ]);
    expect(a.error).toBeNull();
    expect(b.data).toBeNull();
    expect(b.error).toMatchObject({ statusCode: 409, name: "concurrent_idempotent_requests" });
    const c = await resend.emails.send(email(1), { idempotencyKey: "race" });
    expect(c.data?.id).toBe(a.data?.id);
    expect(standin.messages()).toHaveLength(1);
  });

  it("keeps the email when the client goes away mid-request; the retry with the same key replays it", async () => {
    standin.configure({ latencyMs: 300 });
    const abort = new AbortController();
    const pending = resend.emails.send(email(1), { idempotencyKey: "crash", signal: abort.signal }).catch((e: unknown) => e);
    await sleep(100);
    abort.abort();
    await pending;
    // The stand-in recorded it (the "email went out") even though the client never saw the id.
    expect(standin.messages()).toHaveLength(1);
    await sleep(300);
    const retry = await resend.emails.send(email(1), { idempotencyKey: "crash" });
    expect(retry.data?.id).toBe(standin.messages()[0]?.id);
    expect(standin.messages()).toHaveLength(1);
  });

  it("does not store 500 answers under an idempotency key (the retry is processed)", async () => {
    standin.configure({ failFraction: 1 });
    const failed = await resend.emails.send(email(1), { idempotencyKey: "flaky" });
    expect(failed.error).toMatchObject({ statusCode: 500, name: "internal_server_error" });
    standin.configure({ failFraction: 0 });
    const retried = await resend.emails.send(email(1), { idempotencyKey: "flaky" });
    expect(retried.error).toBeNull();
    expect(retried.headers?.["idempotent-replayed"]).toBeUndefined();
    expect(standin.messages().map((m) => m.id)).toEqual([retried.data?.id]);
  });

  it("failFraction 1: every request answers 500 and nothing is recorded", async () => {
    standin.configure({ failFraction: 1 });
    const single = await resend.emails.send(email(1));
    const many = await resend.batch.send(batch(10));
    const get = await resend.emails.get("00000000-0000-4000-8000-000000000000");
    for (const r of [single, many, get]) {
      expect(r.data).toBeNull();
      expect(r.error).toMatchObject({ statusCode: 500, name: "internal_server_error" });
    }
    expect(standin.messages()).toHaveLength(0);
    expect(standin.requestCount()).toEqual({ total: 3, rateLimited: 0, failed: 3, idempotentReplays: 0 });
  });

  it("failFraction is deterministic for a given seed", async () => {
    const pattern = async (seed: number): Promise<number[]> => {
      const s = await startResendStandin({ port: 0, failFraction: 0.5, seed });
      try {
        const client = new Resend("re_test_x", { baseUrl: s.url });
        const out: number[] = [];
        for (let i = 0; i < 40; i++) {
          const r = await client.emails.send(email(i));
          out.push(r.error ? (r.error.statusCode ?? -1) : 200);
        }
        expect(s.messages()).toHaveLength(out.filter((x) => x === 200).length);
        expect(s.requestCount().failed).toBe(out.filter((x) => x === 500).length);
        return out;
      } finally {
        await s.close();
      }
    };
    const a = await pattern(42);
    const b = await pattern(42);
    expect(a).toEqual(b);
    expect(a.filter((x) => x === 500).length).toBeGreaterThan(5);
    expect(a.filter((x) => x === 200).length).toBeGreaterThan(5);
  });

  it("rate limit 2 req/s: the 3rd request in a second gets 429 with headers; a retry after the reset succeeds", async () => {
    standin.configure({ rateLimitPerSecond: 2 });
    await alignToSecond();
    const r1 = await resend.emails.send(email(1));
    const r2 = await resend.emails.send(email(2), { idempotencyKey: "rl-2" });
    const r3 = await resend.emails.send(email(3), { idempotencyKey: "rl-3" });

    expect(r1.error).toBeNull();
    expect(r1.headers).toMatchObject({ "ratelimit-limit": "2", "ratelimit-remaining": "1", "ratelimit-reset": "1" });
    expect(r2.error).toBeNull();
    expect(r2.headers).toMatchObject({ "ratelimit-limit": "2", "ratelimit-remaining": "0", "ratelimit-reset": "1" });
    expect(r3.data).toBeNull();
    expect(r3.error).toMatchObject({ statusCode: 429, name: "rate_limit_exceeded" });
    expect(r3.headers).toMatchObject({ "ratelimit-limit": "2", "ratelimit-remaining": "0", "ratelimit-reset": "1", "retry-after": "1" });
    const resetMs = Number(r3.headers?.["x-ratelimit-reset-ms"]);
    expect(resetMs).toBeGreaterThan(0);
    expect(resetMs).toBeLessThanOrEqual(1000);
    expect(standin.messages()).toHaveLength(2);
    expect(standin.requestCount()).toMatchObject({ total: 3, rateLimited: 1 });

    await sleep(Number(r3.headers?.["retry-after"]) * 1000);
    // The 429 was not stored under "rl-3": the retry is processed and recorded.
    const retry = await resend.emails.send(email(3), { idempotencyKey: "rl-3" });
    expect(retry.error).toBeNull();
    expect(retry.headers).toMatchObject({ "ratelimit-limit": "2", "ratelimit-remaining": "1" });
    expect(retry.headers?.["idempotent-replayed"]).toBeUndefined();
    expect(standin.messages().map((m) => m.subject)).toEqual(["Issue 1", "Issue 2", "Issue 3"]);

    // Without a limit there are no rate-limit headers.
    standin.configure({ rateLimitPerSecond: undefined });
    const free = await resend.emails.send(email(4));
    expect(free.headers?.["ratelimit-limit"]).toBeUndefined();
  });

  it("control client: messages with ?to and ?since paging, stats, config, reset", async () => {
    const control = resendStandinClient(`${standin.url}/`);
    await control.waitUntilReady();
    await resend.batch.send([
      { from: FROM, to: "alice@example.com", subject: "A1", text: "1" },
      { from: FROM, to: "Bob <BOB@example.com>", subject: "B1", text: "2" },
      { from: FROM, to: ["alice@example.com", "carol@example.com"], subject: "A2", text: "3" },
    ]);
    await resend.emails.send({ from: FROM, to: "Alice <Alice@Example.com>", subject: "A3", text: "4" });

    const all = await control.messages();
    expect(all.total).toBe(4);
    expect(all.next).toBe(4);
    expect(all.messages.map((m) => m.subject)).toEqual(["A1", "B1", "A2", "A3"]);

    const alice = await control.messages({ to: "alice@example.com" });
    expect(alice.messages.map((m) => m.subject)).toEqual(["A1", "A2", "A3"]);
    expect((await control.messages({ to: "bob@example.com" })).messages.map((m) => m.subject)).toEqual(["B1"]);
    expect((await control.messages({ to: "nobody@example.com" })).messages).toEqual([]);

    const page1 = await control.messages({ to: "alice@example.com", limit: 2 });
    expect(page1.messages.map((m) => m.subject)).toEqual(["A1", "A2"]);
    expect(page1.next).toBe(3);
    const page2 = await control.messages({ to: "alice@example.com", since: page1.next, limit: 2 });
    expect(page2.messages.map((m) => m.subject)).toEqual(["A3"]);
    expect(page2.next).toBe(4);
    expect((await control.messages({ since: 2 })).messages.map((m) => m.seq)).toEqual([2, 3]);
    expect((await control.messages({ since: 4 })).messages).toEqual([]);
    expect((await control.allMessages({ to: "alice@example.com", pageSize: 1 })).map((m) => m.subject)).toEqual(["A1", "A2", "A3"]);
    expect(await control.waitForMessages(1, { to: "carol@example.com" })).toHaveLength(1);

    expect(await control.stats()).toEqual({ total: 2, rateLimited: 0, failed: 0, idempotentReplays: 0, messages: 4 });

    expect(await control.configure({ rateLimitPerSecond: 5, failFraction: 0.25 })).toEqual({
      rateLimitPerSecond: 5,
      failFraction: 0.25,
      latencyMs: 0,
      seed: 7,
    });
    expect(standin.config()).toMatchObject({ rateLimitPerSecond: 5, failFraction: 0.25 });
    expect(await control.configure({ rateLimitPerSecond: null, failFraction: 0 })).toMatchObject({ rateLimitPerSecond: null, failFraction: 0 });
    await expect(control.configure({ failFraction: 2 })).rejects.toThrow(/400/);

    await control.configure({ failFraction: 1 });
    await control.reset();
    expect(await control.stats()).toEqual({ total: 0, rateLimited: 0, failed: 0, idempotentReplays: 0, messages: 0 });
    expect(await control.config()).toEqual({ rateLimitPerSecond: null, failFraction: 0, latencyMs: 0, seed: 7 });
    expect(standin.messages()).toHaveLength(0);
  });

  it("handles 1,000 batch requests of 100 (100,000 emails)", { timeout: 120_000 }, async () => {
    const started = Date.now();
    let next = 0;
    const ids: string[][] = new Array<string[]>(1000);
    const worker = async (): Promise<void> => {
      for (let r = next++; r < 1000; r = next++) {
        const res = await resend.batch.send(batch(100, `t${r}-`), { idempotencyKey: `bench-${r}` });
        if (res.error) throw new Error(`batch ${r}: ${res.error.message}`);
        ids[r] = res.data.data.map((d) => d.id);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    const elapsed = Date.now() - started;
    console.info(`resend stand-in: 100,000 emails in 1,000 batches took ${elapsed} ms`);

    expect(standin.requestCount()).toEqual({ total: 1000, rateLimited: 0, failed: 0, idempotentReplays: 0 });
    const msgs = standin.messages();
    expect(msgs).toHaveLength(100_000);
    expect(new Set(msgs.map((m) => m.id)).size).toBe(100_000);
    expect(ids.flat()).toHaveLength(100_000);

    const control = resendStandinClient(standin.url);
    const one = await control.messages({ to: "t617-42@example.com" });
    expect(one.messages).toHaveLength(1);
    expect(one.messages[0]).toMatchObject({ id: ids[617]?.[42], batchIndex: 42, idempotencyKey: "bench-617" });
    const tail = await control.messages({ since: 99_990 });
    expect(tail.messages.map((m) => m.seq)).toEqual(Array.from({ length: 10 }, (_, i) => 99_990 + i));
    expect(await control.stats()).toMatchObject({ messages: 100_000 });
  });
});

describe("Resend stand-in as its own process (cli.ts)", () => {
  let proc: SpawnedResendStandin | undefined;
  afterEach(async () => {
    await proc?.stop();
    proc = undefined;
  });

  it("starts from env config, prints `listening <url>`, serves the SDK and the control client", async () => {
    proc = await spawnResendStandin({ rateLimitPerSecond: 50, seed: 3 });
    expect(proc.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await proc.client.config()).toEqual({ rateLimitPerSecond: 50, failFraction: 0, latencyMs: 0, seed: 3 });

    const resend = new Resend("re_test_x", { baseUrl: proc.url });
    const sent = await resend.batch.send(batch(5, "p"), { idempotencyKey: "proc-1" });
    expect(sent.error).toBeNull();
    expect(sent.headers?.["ratelimit-limit"]).toBe("50");
    const received = await proc.client.waitForMessages(5);
    expect(received.map((m) => m.id)).toEqual(sent.data?.data.map((d) => d.id));
    expect(await proc.client.stats()).toEqual({ total: 1, rateLimited: 0, failed: 0, idempotentReplays: 0, messages: 5 });

    await proc.stop();
    expect(proc.child.exitCode).toBe(0);
  });

  it("loses its in-memory state when killed (SIGKILL) and can be restarted", async () => {
    proc = await spawnResendStandin({ failFraction: 1 });
    const resend = new Resend("re_test_x", { baseUrl: proc.url });
    const failed = await resend.emails.send(email(1));
    expect(failed.error).toMatchObject({ statusCode: 500, name: "internal_server_error" });
    expect(await proc.client.stats()).toMatchObject({ failed: 1, messages: 0 });

    proc.child.kill("SIGKILL");
    await proc.stop();
    const gone = await resend.emails.send(email(1));
    expect(gone.error).toMatchObject({ name: "application_error", statusCode: null });

    proc = await spawnResendStandin();
    const again = await new Resend("re_test_x", { baseUrl: proc.url }).emails.send(email(1));
    expect(again.error).toBeNull();
    expect(await proc.client.stats()).toMatchObject({ total: 1, failed: 0, messages: 1 });
  });
});
