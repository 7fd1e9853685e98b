/**
 * Exactly once with real processes on PostgreSQL (skipped without DATABASE_URL): the Resend
 * stand-in in its own process, `scripts/worker.ts` in child processes. One worker is SIGKILLed
 * at 20+ seeded random moments and restarted; then two workers share one send. The stand-in's
 * record must show every recipient exactly once: no duplicate, no gap.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveries, sendBatches, sends } from "@/db/schema";
import { mulberry32 } from "@/test-support/prng";
import { spawnResendStandin, type SpawnedResendStandin } from "@/standins/resend/spawn";
import type { RecordedMessage } from "@/standins/resend/client";
import { requestNewsletterSend } from "./request";
import { sleep } from "./backoff";
import { seedManyReaders, seedPiece } from "@/test-support/newsletter-fixtures";
import { useTestDatabase } from "@/test-support/database";
import { startWorkerProcess, type WorkerProcess } from "@/test-support/worker-process";
import { templateFor } from "./templates";

const RECIPIENTS = 2_000;
const KILLS = 20;
const SEED = 424242;

function assertExactlyOnce(messages: RecordedMessage[], recipients: string[]): void {
  const counts = new Map<string, number>();
  for (const m of messages) for (const to of m.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  const duplicates = [...counts].filter(([, n]) => n > 1);
  const gaps = recipients.filter((r) => !counts.has(r));
  expect(duplicates, "recipients mailed more than once").toEqual([]);
  expect(gaps, "recipients never mailed").toEqual([]);
  expect(messages).toHaveLength(recipients.length);
}

describe.skipIf(!process.env.DATABASE_URL)("newsletter worker processes on PostgreSQL", () => {
  const pg = useTestDatabase("postgres", { boss: true });
  let standin: SpawnedResendStandin;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    // Latency keeps each batch "in progress" at the provider for a while: kills land in that window too.
    standin = await spawnResendStandin({ latencyMs: 400 });
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill("SIGKILL")));
    await standin?.stop();
  });

  const workerEnv = (lanes: number): Record<string, string> => ({
    DATABASE_URL: pg.url ?? "",
    RESEND_API_KEY: "re_test_worker_processes",
    RESEND_BASE_URL: standin.url,
    DEMO_MODE: "true",
    NEWSLETTER_LANES: String(lanes),
    NEWSLETTER_LEASE_SECONDS: "2",
  });

  const start = (lanes: number): WorkerProcess => {
    const w = startWorkerProcess(workerEnv(lanes));
    workers.push(w);
    return w;
  };

  async function status(sendId: string): Promise<{ status: string; sent: number }> {
    const [row] = await pg.db.select({ status: sends.status, sent: sends.sentCount }).from(sends).where(eq(sends.id, sendId));
    return { status: row?.status ?? "missing", sent: row?.sent ?? 0 };
  }

  async function waitForFinish(sendId: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await status(sendId)).status !== "sent") {
      if (Date.now() > deadline) throw new Error(`send not finished after ${timeoutMs} ms: ${JSON.stringify(await status(sendId))}`);
      await sleep(200);
    }
  }

  async function recipientsOf(sendId: string): Promise<string[]> {
    return (await pg.db.select({ email: deliveries.email }).from(deliveries).where(eq(deliveries.sendId, sendId))).map((r) => r.email);
  }

  it(`every recipient gets exactly one message while the worker is SIGKILLed ${KILLS}+ times`, async () => {
    await standin.client.reset();
    const pieceId = await seedPiece(pg.db);
    await seedManyReaders(pg.db, RECIPIENTS, { prefix: "kill", paidEvery: 5 });
    const { sendId, total } = await requestNewsletterSend(pieceId, null);
    expect(total).toBe(RECIPIENTS);
    // Render (and store) the send's templates up front, so the kills land while batches are being
    // sent rather than while a fresh process loads React Email to render them.
    await templateFor(pg.db, sendId, "full");
    await templateFor(pg.db, sendId, "teaser");

    const random = mulberry32(SEED);
    const progress: number[] = [];
    let kills = 0;
    while (kills < KILLS) {
      // One lane, so that each life gets about one batch out before it dies.
      const w = start(1);
      await w.ready;
      await sleep(50 + Math.floor(random.next() * 650));
      await w.kill("SIGKILL");
      kills += 1;
      const s = await status(sendId);
      progress.push(s.sent);
    }
    // The kills must mostly hit a send in progress, not an idle worker (typically all 20 do).
    const midSend = progress.filter((sent) => sent < RECIPIENTS).length;
    expect(midSend, `sent at each kill: ${progress.join(", ")}`).toBeGreaterThanOrEqual(KILLS / 2);

    const last = start(2);
    await last.ready;
    await waitForFinish(sendId, 60_000);
    await last.kill("SIGTERM");

    assertExactlyOnce(await standin.client.allMessages(), await recipientsOf(sendId));
    const stats = await standin.client.stats();
    console.log(
      `[worker kill test] ${kills} SIGKILLs; sent at each kill: ${progress.join(", ")}; ` +
        `provider requests ${stats.total} (${stats.idempotentReplays} idempotent replays)`,
    );
    expect(stats.idempotentReplays).toBeGreaterThan(0);
  }, 150_000);

  it("two worker processes share one send without a duplicate", async () => {
    await standin.client.reset();
    await standin.client.configure({ latencyMs: 50 });
    const pieceId = await seedPiece(pg.db);
    await seedManyReaders(pg.db, RECIPIENTS, { prefix: "pair", paidEvery: 3 });
    const { sendId, total } = await requestNewsletterSend(pieceId, null);
    const [a, b] = [start(2), start(2)];
    await Promise.all([a.ready, b.ready]);
    await waitForFinish(sendId, 60_000);
    await Promise.all([a.kill("SIGTERM"), b.kill("SIGTERM")]);
    const recipients = await recipientsOf(sendId);
    expect(recipients.length).toBe(total);
    assertExactlyOnce(await standin.client.allMessages(), recipients);
    const claimers = await pg.db.selectDistinct({ by: sendBatches.claimedBy }).from(sendBatches).where(eq(sendBatches.sendId, sendId));
    expect(claimers.map((c) => c.by?.split(":")[1]).sort()).toEqual([String(a.pid), String(b.pid)].sort());
  }, 90_000);
});
