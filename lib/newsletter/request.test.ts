/**
 * Freezing the audience (PGlite, and PostgreSQL when DATABASE_URL is set): who gets which
 * variant, who gets nothing, batches, and idempotency of the request.
 */
import { and, eq, sql } from "drizzle-orm";
import { expect, it, describe } from "vitest";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { deliveries, sendBatches, sends } from "@/db/schema";
import { NewsletterRequestError, requestNewsletterSend } from "./request";
import { ANALYSIS_SENTENCE, seedManyReaders, seedPiece, seedReader, type ReaderKind } from "@/test-support/newsletter-fixtures";
import { SEND_QUEUE } from "./queue";
import { templateFor } from "./templates";
import { RATIONALE, SIGNAL_INDICATOR, SIGNAL_STATEMENT, seedAssessedPiece } from "@/test-support/risk-fixtures";

const FULL: ReaderKind[] = ["active", "trialing", "past_due_in_grace", "complimentary", "editor", "admin"];
const TEASER: ReaderKind[] = ["free", "past_due_expired", "canceled", "expired_grant"];

describe.each(databaseKinds())("newsletter request on %s", (kind) => {
  const t = useTestDatabase(kind, { boss: true });

  it("freezes every reader with the variant the access rule gives, and leaves out opted-out and suppressed addresses", async () => {
    const pieceId = await seedPiece(t.db);
    const expected = new Map<string, "full" | "teaser">();
    for (const k of FULL) expected.set((await seedReader(t.db, k)).email, "full");
    for (const k of TEASER) expected.set((await seedReader(t.db, k)).email, "teaser");
    expected.set((await seedReader(t.db, "active", { newPieces: true })).email, "full");
    const optedOut = await seedReader(t.db, "active", { newPieces: false });
    const suppressed = await seedReader(t.db, "free", { suppressed: true });
    const suppressedMixedCase = await seedReader(t.db, "free", { email: `Mixed.Case-${Date.now()}@Example.com` });
    await t.db.execute(sql`insert into suppressions (email, reason) values (${suppressedMixedCase.email.toLowerCase()}, 'complained')`);

    const { sendId, total } = await requestNewsletterSend(pieceId, "editor@example.com");
    const rows = await t.db.select({ email: deliveries.email, variant: deliveries.variant, batch: deliveries.batch, status: deliveries.status }).from(deliveries).where(eq(deliveries.sendId, sendId));
    expect(total).toBe(expected.size);
    expect(new Map(rows.map((r) => [r.email, r.variant]))).toEqual(expected);
    const emails = rows.map((r) => r.email);
    expect(emails).not.toContain(optedOut.email);
    expect(emails).not.toContain(suppressed.email);
    expect(emails).not.toContain(suppressedMixedCase.email);
    expect(rows.every((r) => r.status === "pending")).toBe(true);

    const [send] = await t.db.select().from(sends).where(eq(sends.id, sendId));
    expect(send).toMatchObject({ status: "pending", total: expected.size, fullCount: FULL.length + 1, teaserCount: TEASER.length, requestedBy: "editor@example.com" });

    // The send's jobs are queued.
    const jobs = await (await import("@/lib/jobs/boss")).boss().then((b) => b.findJobs<{ sendId: string }>(SEND_QUEUE, { data: { sendId } }));
    expect(jobs.length).toBeGreaterThan(0);
  });

  it("renders the teaser variant without a sentence of the analysis, and the full variant with it", async () => {
    const pieceId = await seedPiece(t.db);
    await seedReader(t.db, "free");
    await seedReader(t.db, "active");
    const { sendId } = await requestNewsletterSend(pieceId, null);
    const teaser = await templateFor(t.db, sendId, "teaser");
    const full = await templateFor(t.db, sendId, "full");
    expect(teaser).not.toBeNull();
    expect(full).not.toBeNull();
    const sample = (c: typeof teaser) => c?.fill("https://example.com/u");
    for (const part of [sample(teaser)?.html, sample(teaser)?.text]) {
      expect(part).not.toContain(ANALYSIS_SENTENCE);
      expect(part).not.toContain("Insurers now price");
      expect(part).toContain("Join ESM Insight");
    }
    expect(sample(full)?.html).toContain(ANALYSIS_SENTENCE);
    expect(sample(full)?.text).toContain(ANALYSIS_SENTENCE);
  });

  it("a piece's assessment: the full mail carries its card, the teaser mail only the level and vector names", async () => {
    const p = await seedAssessedPiece(t.db);
    await seedReader(t.db, "free");
    await seedReader(t.db, "active");
    const { sendId } = await requestNewsletterSend(p.pieceId, null);
    const teaser = (await templateFor(t.db, sendId, "teaser"))!.fill("https://example.com/u");
    const full = (await templateFor(t.db, sendId, "full"))!.fill("https://example.com/u");
    for (const part of [teaser.html, teaser.text]) {
      expect(part).toContain("Risk level:");
      expect(part).toContain("High");
      expect(part).toContain("Regulatory");
      // No score, horizon, rationale, exposed party or signal in a teaser-tier mail.
      for (const gated of [RATIONALE, SIGNAL_STATEMENT, SIGNAL_INDICATOR, "4/5", "5/5", "Time horizon", "Months", "Sector ", "Region ", "Rising"]) expect(part).not.toContain(gated);
    }
    for (const part of [full.html, full.text]) for (const shown of [RATIONALE, SIGNAL_STATEMENT, "4/5", "5/5", "Time horizon: Months", "Sector ", "Region ", "Rising ↑"]) expect(part).toContain(shown);
  });

  it("does not render the full variant when nobody in its audience is entitled", async () => {
    const pieceId = await seedPiece(t.db);
    const reader = await seedReader(t.db, "free");
    // A send whose full audience is empty (made by hand: this database has paying readers by now).
    const [send] = await t.db.insert(sends).values({ pieceId, total: 1, teaserCount: 1 }).returning({ id: sends.id });
    const sendId = send?.id ?? "";
    await t.db.insert(deliveries).values({ sendId, userId: reader.id, email: reader.email, variant: "teaser", batch: 0 });
    expect(await templateFor(t.db, sendId, "full")).toBeNull();
    // A "full" delivery whose reader is not entitled (any more) gives no proof either.
    await t.db.insert(deliveries).values({ sendId, userId: reader.id, email: `x-${reader.email}`, variant: "full", batch: 1 });
    expect(await templateFor(t.db, sendId, "full")).toBeNull();
    expect(await templateFor(t.db, sendId, "teaser")).not.toBeNull();
  });

  it("is idempotent: asking twice (even at once) gives one send and no new rows", async () => {
    const pieceId = await seedPiece(t.db);
    await seedReader(t.db, "free");
    const [a, b] = await Promise.all([requestNewsletterSend(pieceId, null), requestNewsletterSend(pieceId, null)]);
    const c = await requestNewsletterSend(pieceId, "someone-else");
    expect(b.sendId).toBe(a.sendId);
    expect(c).toEqual(a);
    const [count] = await t.db.select({ n: sql<number>`count(*)::int` }).from(deliveries).where(eq(deliveries.sendId, a.sendId));
    expect(Number(count?.n)).toBe(a.total);
    const sendRows = await t.db.select({ id: sends.id }).from(sends).where(eq(sends.pieceId, pieceId));
    expect(sendRows).toHaveLength(1);
  });

  it("puts up to 100 deliveries of one variant in each batch", async () => {
    const pieceId = await seedPiece(t.db);
    await seedManyReaders(t.db, 450, { prefix: `batch${kind}`, paidEvery: 3 });
    const { sendId, total } = await requestNewsletterSend(pieceId, null);
    expect(total).toBeGreaterThanOrEqual(450);
    const batches = await t.db
      .select({ batch: deliveries.batch, n: sql<number>`count(*)::int`, variants: sql<number>`count(distinct ${deliveries.variant})::int` })
      .from(deliveries)
      .where(eq(deliveries.sendId, sendId))
      .groupBy(deliveries.batch);
    expect(batches.every((b) => Number(b.n) <= 100 && Number(b.variants) === 1)).toBe(true);
    const [full] = await t.db.select({ n: sql<number>`count(*)::int` }).from(deliveries).where(and(eq(deliveries.sendId, sendId), eq(deliveries.variant, "full")));
    // ceil(full/100) + ceil(teaser/100) batches: no half-empty batch besides the last of each variant.
    const nFull = Number(full?.n);
    expect(batches).toHaveLength(Math.ceil(nFull / 100) + Math.ceil((total - nFull) / 100));
    const planned = await t.db.select({ size: sendBatches.size }).from(sendBatches).where(eq(sendBatches.sendId, sendId));
    expect(planned.reduce((s, b) => s + b.size, 0)).toBe(total);
  });

  it("refuses a piece that does not exist or is not published, creating nothing", async () => {
    await expect(requestNewsletterSend("no-such-piece", null)).rejects.toBeInstanceOf(NewsletterRequestError);
    const draft = await seedPiece(t.db, { status: "draft" });
    await expect(requestNewsletterSend(draft, null)).rejects.toThrow(/published/);
    expect(await t.db.select({ id: sends.id }).from(sends).where(eq(sends.pieceId, draft))).toHaveLength(0);
  });
});
