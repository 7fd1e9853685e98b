/**
 * npm run bench:fanout — the newsletter fan-out against the Resend stand-in (its own process).
 *
 *  1. Rate-limited: the stand-in allows 2 requests/s, i.e. a ceiling of 2 × 100 = 200 mails/s;
 *     a send to BENCH_FANOUT_LIMITED recipients (default 10,000) prints the rate achieved as a
 *     fraction of that ceiling (goal ≥ 0.95).
 *  2. Unlimited: a send to BENCH_FANOUT_RECIPIENTS (default 100,000) prints wall time, CPU ms per
 *     recipient of this (the sending) process (goal ≤ 1 ms), peak RSS, and RSS after 10 k vs
 *     after all recipients (goal: flat).
 *
 * The worker is the production path: pg-boss + registerNewsletterWorkers in this process
 * (NEWSLETTER_LANES lanes, default 4). PostgreSQL if DATABASE_URL is set (a throwaway database),
 * else in-memory PGlite, which then runs in this process and counts towards its CPU and memory.
 * Prints figures; asserts nothing. Exit code 1 only if a recipient was not mailed exactly once.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { spawnResendStandin, type SpawnedResendStandin } from "@/standins/resend/spawn";
import { openBenchDatabase, type BenchDatabase } from "./fanout-db";
import { fmt, startProbe } from "./fanout-measure";

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

const RECIPIENTS = envInt("BENCH_FANOUT_RECIPIENTS", 100_000);
const LIMITED = envInt("BENCH_FANOUT_LIMITED", 10_000);
const RATE = 2;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<number> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "esm-fanout-"));
  // The stand-in keeps every message in memory (~10 kB each): give it room for 100 k of them.
  const nodeOptions = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = `${nodeOptions ?? ""} --max-old-space-size=8192`.trim();
  let standin: SpawnedResendStandin;
  try {
    standin = await spawnResendStandin({});
  } finally {
    if (nodeOptions === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = nodeOptions;
  }
  Object.assign(process.env, {
    DEMO_MODE: "true",
    DATA_DIR: dataDir,
    APP_URL: process.env.APP_URL ?? "http://localhost:3000",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-fanout-secret",
    RESEND_API_KEY: "re_bench_fanout",
    RESEND_BASE_URL: standin.url,
  });
  // Imported after the environment is set (config() is read on first use).
  const { config } = await import("@/lib/env");
  const { createBoss, setBossForTests } = await import("@/lib/jobs/boss");
  const { registerNewsletterWorkers } = await import("@/lib/newsletter/worker");
  const { requestNewsletterSend } = await import("@/lib/newsletter/request");
  const { sendProgress } = await import("@/lib/newsletter/progress");
  const { seedManyReaders, seedPiece } = await import("@/test-support/newsletter-fixtures");
  const { sends } = await import("@/db/schema");

  let db: BenchDatabase | undefined;
  let boss: PgBoss | undefined;
  try {
    db = await openBenchDatabase(dataDir);
    const d = db.handle.db;
    boss = createBoss(db.handle);
    boss.on("error", (err: unknown) => console.error("job queue error", err));
    await boss.start();
    setBossForTests(boss);
    await registerNewsletterWorkers(boss);
    console.log(`bench:fanout on ${db.label}; Resend stand-in at ${standin.url} (own process); ${config().newsletter.lanes} lanes; Node ${process.version}`);

    async function runSend(label: string, onProgress?: (sent: number, memory: { rssMb: number; heapMb: number }) => void) {
      const pieceId = await seedPiece(d, { headline: `Fan-out benchmark: ${label}` });
      const freeze = startProbe();
      const { sendId, total } = await requestNewsletterSend(pieceId, "bench");
      const frozen = freeze.stop();
      const probe = startProbe();
      for (;;) {
        const p = await sendProgress(sendId);
        if (!p) throw new Error("send vanished");
        onProgress?.(p.sent, probe.memory());
        if (p.status === "sent" || p.status === "failed") break;
        await sleep(100);
      }
      const sending = probe.stop();
      const [row] = await d.select({ startedAt: sends.startedAt, finishedAt: sends.finishedAt }).from(sends).where(eq(sends.id, sendId));
      const activeMs = row?.startedAt && row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : sending.wallMs;
      return { sendId, total, frozen, sending, activeMs };
    }

    async function checkExactlyOnce(expected: number): Promise<boolean> {
      const stats = await standin.client.stats();
      const ok = stats.messages === expected;
      console.log(`  check: stand-in recorded ${stats.messages} messages for ${expected} recipients (${stats.total} requests, ${stats.rateLimited} answered 429, ${stats.idempotentReplays} replays) → ${ok ? "exactly once" : "MISMATCH"}`);
      return ok;
    }

    // 1. Rate-limited.
    await seedManyReaders(d, LIMITED, { prefix: "lim", paidEvery: 10 });
    await standin.client.reset();
    await standin.client.configure({ rateLimitPerSecond: RATE });
    console.log(`\n1) ${fmt(LIMITED, 0)} recipients, stand-in limited to ${RATE} requests/s (ceiling ${RATE * 100} mails/s)`);
    const limited = await runSend("rate limited");
    const rate = limited.total / (limited.activeMs / 1000);
    console.log(`  freeze: ${fmt(limited.frozen.wallMs / 1000, 2)} s; sending: ${fmt(limited.activeMs / 1000, 2)} s (first lane start → finished)`);
    console.log(`  achieved ${fmt(rate)} mails/s = ${fmt(rate / (RATE * 100), 3)} of the ceiling (goal ≥ 0.95)`);
    let ok = await checkExactlyOnce(limited.total);

    // 2. Unlimited, RECIPIENTS in all (the rate-limited readers are part of this audience).
    await seedManyReaders(d, Math.max(0, RECIPIENTS - LIMITED), { prefix: "big", paidEvery: 10 });
    await standin.client.reset();
    console.log(`\n2) ${fmt(RECIPIENTS, 0)} recipients, no rate limit`);
    const before = { rssMb: process.memoryUsage.rss() / 1024 / 1024, heapMb: process.memoryUsage().heapUsed / 1024 / 1024 };
    let at10k: { rssMb: number; heapMb: number } | null = null;
    const big = await runSend("unlimited", (sent, memory) => {
      if (at10k === null && sent >= 10_000) at10k = memory;
    });
    const end = { rssMb: process.memoryUsage.rss() / 1024 / 1024, heapMb: process.memoryUsage().heapUsed / 1024 / 1024 };
    const mem = (m: { rssMb: number; heapMb: number } | null) => (m === null ? "n/a" : `RSS ${fmt(m.rssMb, 0)} MB (V8 heap ${fmt(m.heapMb, 0)} MB)`);
    const s = big.sending;
    console.log(`  freeze (request, one transaction): ${fmt(big.frozen.wallMs / 1000, 2)} s wall, ${fmt(big.frozen.cpuMs / big.total, 3)} ms CPU per recipient`);
    console.log(`  sending: ${fmt(s.wallMs / 1000, 2)} s wall (${fmt(big.total / (s.wallMs / 1000), 0)} mails/s)`);
    console.log(`  CPU of this process while sending: ${fmt(s.cpuMs / 1000, 2)} s = ${fmt(s.cpuMs / big.total, 3)} ms per recipient (goal ≤ 1 ms)`);
    console.log(`  peak while sending: RSS ${fmt(s.peakRssMb, 0)} MB (V8 heap ${fmt(s.peakHeapMb, 0)} MB)`);
    console.log(`  before the send: ${mem(before)}; after 10 k sent: ${mem(at10k)}; after ${fmt(big.total, 0)}: ${mem(end)}`);
    ok = (await checkExactlyOnce(big.total)) && ok;
    return ok ? 0 : 1;
  } finally {
    setBossForTests(undefined);
    await boss?.stop({ graceful: false, close: true, timeout: 2_000 }).catch(() => {});
    await db?.close().catch(() => {});
    await standin.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
