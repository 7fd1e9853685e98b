/**
 * Signal alerts (PGlite, and PostgreSQL when DATABASE_URL is set): who gets one when a signal is
 * marked triggered (follows of each kind, preferences, suppression, free vs entitled variant),
 * and exactly-once delivery through the newsletter's fan-out (the change made twice, at once,
 * and senders crashing at every step).
 */
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { Resend } from "resend";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliveries, outbox, sendBatches, sends, users } from "@/db/schema";
import { alertPreferences } from "@/db/schema-risk";
import type { Viewer } from "@/lib/access/rule";
import { createPageStore } from "@/lib/cache/page-store.mjs";
import { verifyUnsubscribeToken } from "@/lib/mail/unsubscribe-token";
import { changeSignalStatus } from "@/lib/risk/signal-status";
import { startResendStandin, type ResendStandin } from "@/standins/resend/server";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { resumeUntilFinished } from "@/test-support/crash-loop";
import { seedReader, type ReaderKind } from "@/test-support/newsletter-fixtures";
import { mulberry32 } from "@/test-support/prng";
import { RATIONALE, SIGNAL_INDICATOR, SIGNAL_STATEMENT, seedAssessedPiece, seedFollow, type AssessedPiece } from "@/test-support/risk-fixtures";
import type { Claim } from "./claim";
import { DEFAULT_RETRY } from "./provider";
import { getSend, listRecentSends, sendProgress } from "./progress";
import { RateGate } from "./rate-gate";
import { SEND_QUEUE } from "./queue";
import { unfinishedSendIds } from "./resume";
import { runSendLane, type FaultPoint, type LaneOptions } from "./sender";
import { templateFor } from "./templates";
import { viewersById } from "./viewers";

const FAST_RETRY = { ...DEFAULT_RETRY, backoff: { baseMs: 20, maxMs: 200 } };
const NOTE = "The list was published on Tuesday.";

describe.each(databaseKinds())("signal alerts on %s", (kind) => {
  const t = useTestDatabase(kind, { boss: true });
  let standin: ResendStandin;
  let resend: Resend;
  let editor: Viewer;

  beforeAll(async () => {
    createPageStore(undefined, {});
    standin = await startResendStandin({ port: 0 });
    resend = new Resend("re_test_alerts", { baseUrl: standin.url });
  });
  afterAll(async () => {
    await standin.close();
  });
  beforeEach(async () => {
    await t.db.delete(users);
    standin.reset();
    const e = await seedReader(t.db, "editor");
    editor = (await viewersById(t.db, [e.id])).get(e.id)!;
    // Staff follow nothing here, so the editor is in no audience.
  });

  const trigger = (signalId: string, status: "triggered" | "watching" | "faded" = "triggered") => changeSignalStatus(editor, { signalId, status, note: NOTE });

  async function alertSendOf(signalId: string): Promise<{ id: string; total: number }[]> {
    return t.db
      .select({ id: sends.id, total: sends.total })
      .from(sends)
      .where(sql`${sends.signalChangeId} in (select id from signal_changes where signal_id = ${signalId})`);
  }

  async function audienceOf(sendId: string): Promise<Map<string, "full" | "teaser">> {
    const rows = await t.db.select({ email: deliveries.email, variant: deliveries.variant }).from(deliveries).where(eq(deliveries.sendId, sendId));
    return new Map(rows.map((r) => [r.email, r.variant]));
  }

  async function follower(p: AssessedPiece, k: ReaderKind, follows: "piece" | "vector" | "sector" | "region" | "other-vector", opts: Parameters<typeof seedReader>[2] = {}) {
    const r = await seedReader(t.db, k, opts);
    const [fk, target] =
      follows === "piece" ? (["piece", p.pieceId] as const)
      : follows === "vector" ? (["vector", p.vector] as const)
      : follows === "other-vector" ? (["vector", p.otherVector] as const)
      : (["tag", follows === "sector" ? p.sectorId : p.regionId] as const);
    await seedFollow(t.db, r.id, fk, target);
    return r;
  }

  const lanes = (sendId: string, n: number, opts: Partial<LaneOptions>) =>
    Promise.all(Array.from({ length: n }, () => runSendLane(sendId, { leaseSeconds: 5, retry: FAST_RETRY, gate: new RateGate(), ...opts })));

  it("freezes one alert for the readers who follow the piece, its vector, sector or region and want alerts, with the variant the access rule gives", async () => {
    const p = await seedAssessedPiece(t.db);
    const expected = new Map<string, "full" | "teaser">();
    expected.set((await follower(p, "active", "piece")).email, "full");
    expected.set((await follower(p, "free", "piece")).email, "teaser");
    expected.set((await follower(p, "trialing", "vector")).email, "full");
    expected.set((await follower(p, "free", "vector")).email, "teaser");
    expected.set((await follower(p, "complimentary", "sector")).email, "full");
    expected.set((await follower(p, "canceled", "sector")).email, "teaser");
    expected.set((await follower(p, "past_due_in_grace", "region")).email, "full");
    expected.set((await follower(p, "past_due_expired", "region")).email, "teaser");
    // New-piece mail off does not turn alerts off (one switch per kind of mail).
    expected.set((await follower(p, "active", "vector", { newPieces: false })).email, "full");
    // Following the piece AND its vector AND its region: one delivery.
    const many = await follower(p, "active", "piece");
    await seedFollow(t.db, many.id, "vector", p.vector);
    await seedFollow(t.db, many.id, "tag", p.regionId);
    expected.set(many.email, "full");

    const otherVector = await follower(p, "active", "other-vector");
    const alertsOff = await follower(p, "active", "vector");
    await t.db.insert(alertPreferences).values({ userId: alertsOff.id, alerts: false });
    const suppressed = await follower(p, "free", "sector", { suppressed: true });
    const bystander = await seedReader(t.db, "active");

    const result = await trigger(p.signalId);
    expect(result).toMatchObject({ ok: true, message: "Signal marked triggered." });
    const [send, ...more] = await alertSendOf(p.signalId);
    expect(more).toHaveLength(0);
    const audience = await audienceOf(send!.id);
    expect(audience).toEqual(expected);
    for (const left of [otherVector, alertsOff, suppressed, bystander]) expect(audience.has(left.email)).toBe(false);
    const [row] = await t.db.select().from(sends).where(eq(sends.id, send!.id));
    expect(row).toMatchObject({ pieceId: null, status: "pending", total: expected.size, fullCount: 6, teaserCount: 4, requestedBy: editor.kind === "member" ? editor.email : null });
    // Enqueued after the commit; and a send whose jobs were lost is found again by the workers' sweep.
    const jobs = await (await import("@/lib/jobs/boss")).boss().then((b) => b.findJobs<{ sendId: string }>(SEND_QUEUE, { data: { sendId: send!.id } }));
    expect(jobs.length).toBeGreaterThan(0);
    expect(await unfinishedSendIds(t.db)).toContain(send!.id);
    // Staff see the alert among the sends, named by its signal and piece.
    const listed = (await listRecentSends(50)).find((s) => s.id === send!.id);
    expect(listed).toMatchObject({ kind: "alert", pieceId: p.pieceId, signal: { number: 1, status: "triggered" }, total: expected.size, pending: expected.size });
    expect(await getSend(send!.id)).toEqual(listed);
    expect(JSON.stringify(listed)).not.toContain(SIGNAL_STATEMENT);
  });

  it("the full alert carries the signal, the note and the assessment; the teaser alert none of them", async () => {
    const p = await seedAssessedPiece(t.db);
    await follower(p, "active", "vector");
    await follower(p, "free", "vector");
    await trigger(p.signalId);
    const [send] = await alertSendOf(p.signalId);
    const full = (await templateFor(t.db, send!.id, "full"))!.fill("https://example.com/u");
    const teaser = (await templateFor(t.db, send!.id, "teaser"))!.fill("https://example.com/u");
    for (const part of [full.html, full.text]) for (const s of [SIGNAL_STATEMENT, SIGNAL_INDICATOR, NOTE, RATIONALE, "4/5"]) expect(part).toContain(s);
    for (const part of [teaser.html, teaser.text]) {
      for (const s of [SIGNAL_STATEMENT, SIGNAL_INDICATOR, NOTE, RATIONALE, "4/5", "Sector ", "Region "]) expect(part).not.toContain(s);
      expect(part).toContain("A signal you follow was marked triggered");
      expect(part).toContain("Join ESM Insight");
      expect(part).toContain("High");
      expect(part).toContain("Regulatory");
    }
  });

  it("exactly once: marking the signal triggered again, or twice at once, alerts nobody a second time; sending twice mails each reader once", async () => {
    const a = await seedAssessedPiece(t.db);
    const b = await seedAssessedPiece(t.db, { vector: "geopolitical" });
    const readers = [await follower(a, "active", "piece"), await follower(a, "free", "vector"), await follower(b, "active", "region"), await follower(b, "free", "piece")];
    // Twice in a row.
    await trigger(a.signalId);
    expect(await trigger(a.signalId)).toMatchObject({ ok: true, message: "Note added." });
    // Twice at once.
    const both = await Promise.all([trigger(b.signalId), trigger(b.signalId)]);
    expect(both.map((r) => (r.ok ? r.message : r.error)).sort()).toEqual(["Note added.", "Signal marked triggered."]);
    const sendIds = [...(await alertSendOf(a.signalId)), ...(await alertSendOf(b.signalId))].map((s) => s.id);
    expect(sendIds).toHaveLength(2);

    for (const id of sendIds) {
      await lanes(id, 2, { resend: undefined });
      await lanes(id, 2, { resend: undefined }); // a second round of workers finds nothing to do
    }
    const emails = readers.map((r) => r.email);
    const mail = await t.db.select().from(outbox).where(inArray(outbox.to, emails));
    expect(mail.map((m) => m.to).sort()).toEqual([...emails].sort());
    for (const m of mail) {
      expect(m.subject).toMatch(/^Signal triggered: /);
      const token = /token=([\w.-]+)>$/.exec(m.headers["List-Unsubscribe"] ?? "")?.[1];
      expect(verifyUnsubscribeToken(token)).toMatchObject({ mail: "alerts" });
    }
    // Back to watching and triggered once more: a new change, a new alert.
    await trigger(a.signalId, "watching");
    await trigger(a.signalId);
    expect(await alertSendOf(a.signalId)).toHaveLength(2);
  });

  it("exactly once when the senders crash at every step and resume", async () => {
    const p = await seedAssessedPiece(t.db);
    const readers = [];
    for (let i = 0; i < 350; i++) readers.push(await follower(p, i % 3 === 0 ? "active" : "free", i % 2 === 0 ? "vector" : "sector"));
    await trigger(p.signalId);
    const [send] = await alertSendOf(p.signalId);
    const sendId = send!.id;
    const batches = await t.db.select({ batch: sendBatches.batch }).from(sendBatches).where(eq(sendBatches.sendId, sendId));
    expect(batches.length).toBeGreaterThanOrEqual(4);
    const random = mulberry32(20261128);
    const points: FaultPoint[] = ["claimed", "before-provider", "after-provider", "before-record"];
    const crashes = new Map<FaultPoint, number>();
    const planned = new Set<number>();
    // Batch i crashes once for sure at points[i] (whatever crashed it before), and any batch at random.
    const fault = (point: FaultPoint, claim: Claim) => {
      const mustCrash = points[claim.batch] === point && !planned.has(claim.batch);
      if (mustCrash) planned.add(claim.batch);
      if (mustCrash || random.next() < 0.1) {
        crashes.set(point, (crashes.get(point) ?? 0) + 1);
        throw new Error(`injected crash at ${point}`);
      }
    };
    await resumeUntilFinished(t.db, async () => (await lanes(sendId, 1, { resend, fault }))[0]);
    for (const point of points) expect(crashes.get(point) ?? 0, `crashes at ${point}`).toBeGreaterThan(0);
    const counts = new Map<string, number>();
    for (const m of standin.messages()) for (const to of m.to) counts.set(to, (counts.get(to) ?? 0) + 1);
    expect(counts.size).toBe(readers.length);
    for (const r of readers) expect(counts.get(r.email), r.email).toBe(1);
    expect(await sendProgress(sendId)).toEqual({ total: readers.length, sent: readers.length, failed: 0, pending: 0, status: "sent" });
  });

  it("no alert for a fading signal, nor for a signal of a piece that is not published", async () => {
    const p = await seedAssessedPiece(t.db);
    await follower(p, "active", "piece");
    await trigger(p.signalId, "faded");
    expect(await alertSendOf(p.signalId)).toHaveLength(0);
    const draft = await seedAssessedPiece(t.db, { status: "draft" });
    await follower(draft, "active", "vector");
    expect(await trigger(draft.signalId)).toMatchObject({ ok: true });
    expect(await alertSendOf(draft.signalId)).toHaveLength(0);
    expect(await t.db.select({ id: sends.id }).from(sends).where(and(isNotNull(sends.signalChangeId), eq(sends.total, -1)))).toHaveLength(0);
  });
});
