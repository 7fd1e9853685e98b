/**
 * The sender, in-process (PGlite, and PostgreSQL when DATABASE_URL is set) against the Resend
 * stand-in: demo-mode outbox, Resend batches with permissive errors, retry rounds, injected
 * crashes at every step, a 429 + 5xx storm, and taking over a dead worker's batch.
 */
import { eq, inArray } from "drizzle-orm";
import { Resend } from "resend";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { resumeUntilFinished } from "@/test-support/crash-loop";
import { deliveries, outbox, sendBatches, sends, users } from "@/db/schema";
import type { Viewer } from "@/lib/access/rule";
import { startResendStandin, type RecordedMessage, type ResendStandin } from "@/standins/resend/server";
import { verifyUnsubscribeToken } from "@/lib/mail/unsubscribe-token";
import { mulberry32 } from "@/test-support/prng";
import { requestNewsletterSend } from "./request";
import { retryFailedDeliveries } from "./retry";
import { sendProgress } from "./progress";
import { runSendLane, type FaultPoint, type LaneOptions } from "./sender";
import type { Claim } from "./claim";
import { RateGate } from "./rate-gate";
import { DEFAULT_RETRY } from "./provider";
import { ANALYSIS_SENTENCE, seedManyReaders, seedPiece, seedReader } from "@/test-support/newsletter-fixtures";

const FAST_RETRY = { ...DEFAULT_RETRY, backoff: { baseMs: 20, maxMs: 200 } };

function countByRecipient(messages: RecordedMessage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of messages) for (const to of m.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}

describe.each(databaseKinds())("newsletter sender on %s", (kind) => {
  const t = useTestDatabase(kind, { boss: true });
  let standin: ResendStandin;
  let resend: Resend;

  beforeAll(async () => {
    standin = await startResendStandin({ port: 0 });
    resend = new Resend("re_test_sender", { baseUrl: standin.url });
  });
  afterAll(async () => {
    await standin.close();
  });
  beforeEach(async () => {
    await t.db.delete(users);
    standin.reset();
  });

  const lanes = (sendId: string, n: number, opts: Partial<LaneOptions>) =>
    Promise.all(Array.from({ length: n }, () => runSendLane(sendId, { leaseSeconds: 5, retry: FAST_RETRY, gate: new RateGate(), ...opts })));

  async function allRecipients(sendId: string): Promise<string[]> {
    return (await t.db.select({ email: deliveries.email }).from(deliveries).where(eq(deliveries.sendId, sendId))).map((r) => r.email);
  }

  it("demo mode: every recipient gets exactly one outbox message, with their own unsubscribe link and the one-click headers", async () => {
    const pieceId = await seedPiece(t.db);
    const free = await seedReader(t.db, "free");
    const paying = await seedReader(t.db, "active");
    await seedManyReaders(t.db, 230, { prefix: `demo${kind}` });
    const { sendId, total } = await requestNewsletterSend(pieceId, null);
    await lanes(sendId, 3, { resend: undefined });

    const recipients = await allRecipients(sendId);
    const mail = await t.db.select().from(outbox).where(inArray(outbox.to, recipients));
    expect(mail).toHaveLength(total);
    expect(new Set(mail.map((m) => m.to)).size).toBe(total);
    for (const m of mail) {
      expect(m.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      expect(m.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\?token=[\w.-]+>$/);
      expect(m.html).toContain("http://localhost:3000/unsubscribe?token=");
      expect(m.html).not.toContain("{{{UNSUBSCRIBE_URL}}}");
    }
    const freeMail = mail.find((m) => m.to === free.email);
    const paidMail = mail.find((m) => m.to === paying.email);
    expect(freeMail?.html).not.toContain(ANALYSIS_SENTENCE);
    expect(freeMail?.text).not.toContain(ANALYSIS_SENTENCE);
    expect(paidMail?.html).toContain(ANALYSIS_SENTENCE);
    const token = /unsubscribe\?token=([\w.-]+)/.exec(freeMail?.text ?? "")?.[1];
    expect(verifyUnsubscribeToken(token)).toEqual({ userId: free.id, mail: "pieces" });

    expect(await sendProgress(sendId)).toEqual({ total, sent: total, failed: 0, pending: 0, status: "sent" });
    const [send] = await t.db.select({ finishedAt: sends.finishedAt }).from(sends).where(eq(sends.id, sendId));
    expect(send?.finishedAt).toBeInstanceOf(Date);
  });

  it("through Resend: one batch call per batch under its deterministic key; provider ids recorded; a bad address fails alone", async () => {
    const pieceId = await seedPiece(t.db);
    const bad = await seedReader(t.db, "free", { email: "not-an-address" });
    await seedManyReaders(t.db, 150, { prefix: `rs${kind}` });
    const { sendId, total } = await requestNewsletterSend(pieceId, null);
    await lanes(sendId, 2, { resend });

    const messages = standin.messages();
    expect(messages).toHaveLength(total - 1);
    expect([...countByRecipient(messages).values()].every((n) => n === 1)).toBe(true);
    expect(new Set(messages.map((m) => m.idempotencyKey))).toEqual(
      new Set((await t.db.select({ b: sendBatches.batch }).from(sendBatches).where(eq(sendBatches.sendId, sendId))).map((b) => `send-${sendId}-batch-${b.b}`)),
    );
    for (const m of messages) {
      expect(m.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\?token=/);
      expect(m.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    }
    const rows = await t.db.select().from(deliveries).where(eq(deliveries.sendId, sendId));
    const byId = new Map(messages.map((m) => [m.id, m.to[0]]));
    for (const r of rows) {
      if (r.email === bad.email) {
        expect(r.status).toBe("failed");
        expect(r.error).toMatch(/to/i);
      } else {
        expect(r.status).toBe("sent");
        expect(byId.get(r.providerId ?? "")).toBe(r.email);
      }
    }
    expect(await sendProgress(sendId)).toEqual({ total, sent: total - 1, failed: 1, pending: 0, status: "sent" });
  });

  it("a retry round re-sends only the failed deliveries, under new idempotency keys", async () => {
    const pieceId = await seedPiece(t.db);
    await seedManyReaders(t.db, 250, { prefix: `rt${kind}` });
    const { sendId, total } = await requestNewsletterSend(pieceId, null);
    // The provider fails everything for a while: the lane gives up after its (small) retry budget.
    standin.configure({ failFraction: 1 });
    await lanes(sendId, 1, { resend, retry: { ...FAST_RETRY, maxTransientAttempts: 2 } });
    expect(await sendProgress(sendId)).toEqual({ total, sent: 0, failed: total, pending: 0, status: "failed" });
    standin.configure({ failFraction: 0 });

    // The provider is back: an admin asks for a retry round.
    const admin = await seedReader(t.db, "admin");
    const staff: Viewer = { kind: "member", userId: admin.id, email: admin.email, role: "admin", subscriptions: [], grants: [] };
    const first = await retryFailedDeliveries(staff, sendId);
    expect(first).toEqual({ requeued: total, round: 1 });
    expect((await sendProgress(sendId))?.status).toBe("sending");
    await lanes(sendId, 2, { resend });
    expect(await sendProgress(sendId)).toEqual({ total, sent: total, failed: 0, pending: 0, status: "sent" });
    const messages = standin.messages();
    expect(messages).toHaveLength(total);
    expect(messages.every((m) => /^send-.+-batch-\d+-retry-1$/.test(m.idempotencyKey ?? ""))).toBe(true);
    expect(await retryFailedDeliveries(staff, sendId)).toEqual({ requeued: 0, round: 1 });
  });

  it("exactly once when the sender crashes at any step (claimed, before/after the provider, before recording)", async () => {
    const pieceId = await seedPiece(t.db);
    await seedManyReaders(t.db, 1_000, { prefix: `cr${kind}`, paidEvery: 4 });
    const { sendId, total } = await requestNewsletterSend(pieceId, null);
    const random = mulberry32(20261122);
    const points: FaultPoint[] = ["claimed", "before-provider", "after-provider", "before-record"];
    const crashes = new Map<FaultPoint, number>();
    // Each point crashes the first attempt of one batch for sure, and then at random.
    const fault = (point: FaultPoint, claim: Claim) => {
      const planned = claim.claims === 1 && points[claim.batch] === point;
      if (planned || random.next() < 0.1) {
        crashes.set(point, (crashes.get(point) ?? 0) + 1);
        throw new Error(`injected crash at ${point}`);
      }
    };
    await resumeUntilFinished(t.db, async () => (await lanes(sendId, 1, { resend, fault }))[0]);
    for (const p of points) expect(crashes.get(p) ?? 0, `crashes at ${p}`).toBeGreaterThan(0);
    const counts = countByRecipient(standin.messages());
    const recipients = await allRecipients(sendId);
    expect(counts.size).toBe(total);
    for (const r of recipients) expect(counts.get(r), r).toBe(1);
    expect(standin.requestCount().idempotentReplays).toBeGreaterThan(0);
    expect(await sendProgress(sendId)).toEqual({ total, sent: total, failed: 0, pending: 0, status: "sent" });
  });

  it("a 429 storm with 5xx on top (2 requests/s, 20% failures, four uncoordinated senders) ends with everyone mailed once", async () => {
    const pieceId = await seedPiece(t.db);
    await seedManyReaders(t.db, 800, { prefix: `st${kind}` });
    const { sendId, total } = await requestNewsletterSend(pieceId, null);
    standin.configure({ rateLimitPerSecond: 2, failFraction: 0.2 });
    // Each lane has its own gate, like four worker processes: they collide and collect 429s.
    await lanes(sendId, 4, { resend });
    const stats = standin.requestCount();
    expect(stats.rateLimited).toBeGreaterThan(0);
    expect(stats.failed).toBeGreaterThan(0);
    const counts = countByRecipient(standin.messages());
    expect(counts.size).toBe(total);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(await sendProgress(sendId)).toEqual({ total, sent: total, failed: 0, pending: 0, status: "sent" });
  }, 60_000);

  it("takes over a batch whose worker died after the provider accepted it, and replays instead of re-sending", async () => {
    const pieceId = await seedPiece(t.db);
    await seedManyReaders(t.db, 120, { prefix: `to${kind}` });
    const { sendId, total } = await requestNewsletterSend(pieceId, null);
    let crashed = false;
    await expect(
      runSendLane(sendId, {
        resend,
        leaseSeconds: 2,
        gate: new RateGate(),
        fault: (point) => {
          if (point === "after-provider" && !crashed) {
            crashed = true;
            throw new Error("died after the provider accepted");
          }
        },
      }),
    ).rejects.toThrow(/died/);
    const before = standin.messages().length;
    expect(before).toBeGreaterThan(0);
    // A second worker waits for the dead one's lease (2 s) and finishes the send.
    const started = Date.now();
    await runSendLane(sendId, { resend, leaseSeconds: 2, gate: new RateGate() });
    expect(Date.now() - started).toBeGreaterThan(500);
    expect(standin.requestCount().idempotentReplays).toBe(1);
    const counts = countByRecipient(standin.messages());
    expect(counts.size).toBe(total);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });
});
