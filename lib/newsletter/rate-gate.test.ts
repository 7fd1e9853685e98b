import { describe, expect, it } from "vitest";
import { parseRateLimitHeaders, RateGate } from "./rate-gate";
import { backoffMs } from "./backoff";
import { BatchAllocator, batchIdempotencyKey } from "./batch-plan";
import { resultsOf } from "./provider";

describe("parseRateLimitHeaders", () => {
  it("reads ratelimit-remaining, ratelimit-reset and retry-after; ignores junk", () => {
    expect(parseRateLimitHeaders({ "ratelimit-limit": "5", "ratelimit-remaining": "3", "ratelimit-reset": "1", "retry-after": "2" })).toEqual({
      limit: 5,
      remaining: 3,
      resetSeconds: 1,
      retryAfterSeconds: 2,
    });
    expect(parseRateLimitHeaders({ "ratelimit-remaining": "x", "retry-after": "-1" })).toEqual({});
    expect(parseRateLimitHeaders(null)).toEqual({});
  });
});

describe("RateGate", () => {
  it("probes with one request, then admits `remaining` per window and waits for the next one", async () => {
    let now = 1_000;
    const gate = new RateGate(() => now, () => 0);
    const first = await gate.acquire();
    let secondIn = false;
    const second = gate.acquire().then((t) => ((secondIn = true), t));
    await new Promise((r) => setTimeout(r, 20));
    expect(secondIn).toBe(false); // waits for the probe's answer
    gate.observe({ limit: 2, remaining: 1, resetSeconds: 0.05 }, first);
    const t2 = await second;
    gate.observe({ limit: 2, remaining: 0, resetSeconds: 0.05 }, t2);
    const started = Date.now();
    const third = gate.acquire();
    now += 60; // the window is over: a new one, with the whole limit
    const t3 = await third;
    expect(t3.generation).toBeGreaterThan(t2.generation);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    await gate.acquire(); // the second of the new window
    let fifthIn = false;
    void gate.acquire().then(() => (fifthIn = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(fifthIn).toBe(false);
    now += 2_000;
  });

  it("holds everyone back for retry-after", async () => {
    const gate = new RateGate(Date.now, () => 0);
    gate.observe({ retryAfterSeconds: 0.1 }, await gate.acquire());
    const started = Date.now();
    await Promise.all([gate.acquire(), gate.acquire()]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it("without rate-limit headers, lets everything through", async () => {
    const gate = new RateGate();
    gate.observe({}, await gate.acquire());
    await Promise.all(Array.from({ length: 10 }, () => gate.acquire()));
  });
});

describe("backoffMs", () => {
  it("doubles per attempt within [step/2, step], capped", () => {
    const policy = { baseMs: 100, maxMs: 1_000 };
    expect(backoffMs(1, policy, () => 0)).toBe(50);
    expect(backoffMs(1, policy, () => 1)).toBe(100);
    expect(backoffMs(3, policy, () => 1)).toBe(400);
    expect(backoffMs(10, policy, () => 1)).toBe(1_000);
  });
});

describe("batches", () => {
  it("fills batches of 100 per variant", () => {
    const a = new BatchAllocator();
    const assigned = Array.from({ length: 250 }, (_, i) => a.assign(i % 5 === 0 ? "full" : "teaser"));
    const sizes = new Map<number, number>();
    for (const b of assigned) sizes.set(b, (sizes.get(b) ?? 0) + 1);
    expect([...sizes.values()].every((n) => n <= 100)).toBe(true);
    expect(sizes.size).toBe(Math.ceil(50 / 100) + Math.ceil(200 / 100));
  });

  it("keys batches deterministically, retry rounds differently", () => {
    expect(batchIdempotencyKey("s1", 7, 0)).toBe("send-s1-batch-7");
    expect(batchIdempotencyKey("s1", 7, 2)).toBe("send-s1-batch-7-retry-2");
  });
});

describe("resultsOf", () => {
  it("pairs ids with the emails that have no permissive error", () => {
    expect(resultsOf(3, { data: [{ id: "a" }, { id: "c" }], errors: [{ index: 1, message: "bad to" }] })).toEqual([
      { ok: true, id: "a" },
      { ok: false, error: "bad to" },
      { ok: true, id: "c" },
    ]);
    expect(resultsOf(2, { data: [{ id: "a" }] })).toBeNull();
    expect(resultsOf(1, { nope: true })).toBeNull();
  });
});
