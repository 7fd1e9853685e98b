import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { DEMO_ASSESSMENTS } from "@/db/demo-risk";
import { assessmentSignals } from "@/db/schema-risk";
import { pieces, sessions } from "@/db/schema";
import { seedDemoPieces } from "@/db/seed";
import { ANONYMOUS, decideAccess, type Viewer } from "@/lib/access/rule";
import { currentPolicy } from "@/lib/access/policy";
import { viewersById } from "@/lib/newsletter/viewers";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { seedReader, type ReaderKind } from "@/test-support/newsletter-fixtures";
import { readGatedEdition } from "./gated-edition";
import { readAnalysisHtml } from "./queries";
import { readAssessment } from "./risk";
import { forgetGatedCopies, gatedEditionOf } from "./gated-cache";
import { readerEdition, readerEditionForSession } from "./reader-edition";
import { READER_EDITION_HEADERS, readerEditionFrontRoute } from "./reader-edition-answer";
import { ReaderEditionWire } from "./reader-edition-wire";

const PAID = "port-automation-strike-baltic";
/** The first words of that piece's analysis (db/demo-pieces.ts). */
const ANALYSIS = "Remote crane operation means the software";
const firstRationale = DEMO_ASSESSMENTS[PAID]!.vectors[0]![4];

describe.each(databaseKinds())("a reader's edition of a piece page on %s", (kind) => {
  const t = useTestDatabase(kind);
  beforeAll(() => seedDemoPieces(t.db));

  async function viewer(k: ReaderKind): Promise<Viewer> {
    const r = await seedReader(t.db, k);
    return (await viewersById(t.db, [r.id])).get(r.id)!;
  }

  /** What the browser gets: the answer through JSON and the island's parser. */
  async function wire(slug: string, v: Viewer) {
    const answer = await readerEdition(slug, v);
    return answer === null ? null : { text: JSON.stringify(answer), parsed: ReaderEditionWire.parse(JSON.parse(JSON.stringify(answer))) };
  }

  it("tells an anonymous request only its category, whatever the slug", async () => {
    for (const slug of [PAID, "no-such-piece"]) {
      const got = await wire(slug, ANONYMOUS);
      expect(got?.parsed).toEqual({ category: "anonymous" });
    }
  });

  it.each(["free", "canceled", "past_due_expired", "expired_grant"] as const)("gives a %s reader the paywall of a paid piece and nothing gated", async (k) => {
    const got = await wire(PAID, await viewer(k));
    expect(got?.parsed.edition?.body).toEqual({ kind: "paywall", reason: "subscribe" });
    expect(got?.parsed.edition?.assessment).toBeNull();
    expect(got?.text).not.toContain(ANALYSIS);
    expect(got?.text).not.toContain(firstRationale);
  });

  it.each(["active", "trialing", "past_due_in_grace", "complimentary", "editor"] as const)("gives a %s reader the analysis and the whole assessment", async (k) => {
    const got = await wire(PAID, await viewer(k));
    const body = got?.parsed.edition?.body;
    expect(body?.kind).toBe("full");
    expect(body?.kind === "full" ? body.analysisHtml : "").toContain(ANALYSIS);
    expect(got?.parsed.edition?.assessment?.vectors[0]?.rationale).toBe(firstRationale);
    // Dates survive the trip as dates.
    expect(got?.parsed.edition?.assessment?.signals[0]?.statusAt).toBeInstanceOf(Date);
    // In grace a reader still reads, and is asked to mend the payment.
    expect(got?.parsed.category).toBe(k === "past_due_in_grace" ? "past_due" : "subscriber");
  });

  it("says a signed-in reader's category and what they follow", async () => {
    const free = await viewer("free");
    expect((await wire(PAID, free))?.parsed).toMatchObject({ category: "free", edition: { followed: [] } });
  });

  it("reads in one query exactly the analysis and assessment the per-part readers give, for every demo piece", async () => {
    const staff = await viewer("editor");
    const all = await t.db.select({ id: pieces.id, visibility: pieces.visibility }).from(pieces);
    expect(all.length).toBeGreaterThan(3);
    let assessed = 0;
    for (const piece of all) {
      const decision = decideAccess(staff, piece, currentPolicy());
      if (!decision.allowed) throw new Error("staff read everything");
      const gated = await readGatedEdition(decision.proof);
      expect(gated.analysisHtml).toBe(await readAnalysisHtml(decision.proof));
      expect(gated.assessment).toEqual(await readAssessment(decision.proof));
      if (gated.assessment) assessed += 1;
    }
    expect(assessed).toBeGreaterThan(0);
  });

  it("answers a session's token as it answers its reader, in one statement; a wrong or expired token as anonymous", async () => {
    for (const k of ["free", "active", "editor"] as const) {
      const r = await seedReader(t.db, k);
      const token = `token-${k}-${kind}`;
      await t.db.insert(sessions).values({ sessionToken: token, userId: r.id, expires: new Date(Date.now() + 86_400_000) });
      const v = (await viewersById(t.db, [r.id])).get(r.id)!;
      for (const slug of [PAID, "no-such-piece"]) expect(await readerEditionForSession(slug, token)).toEqual(await readerEdition(slug, v));
    }
    expect(await readerEditionForSession(PAID, "no-such-token")).toEqual({ category: "anonymous" });
    expect(await readerEditionForSession(PAID, undefined)).toEqual({ category: "anonymous" });
    const r = await seedReader(t.db, "active");
    await t.db.insert(sessions).values({ sessionToken: `expired-${kind}`, userId: r.id, expires: new Date(Date.now() - 1000) });
    expect(await readerEditionForSession(PAID, `expired-${kind}`)).toEqual({ category: "anonymous" });
  });

  it("is answered by npm start's front as the route answers it: the session from the raw Cookie header, private, 404 for what is not a piece", async () => {
    const r = await seedReader(t.db, "active");
    const token = `front-${kind}`;
    await t.db.insert(sessions).values({ sessionToken: token, userId: r.id, expires: new Date(Date.now() + 86_400_000) });
    const expected = JSON.stringify(await readerEditionForSession(PAID, token));
    const answer = await readerEditionFrontRoute(PAID, `esm-session-hint=1; authjs.session-token=${token}; theme=dark`);
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(expected);
    expect(answer.body).toContain(ANALYSIS);
    expect(answer.headers).toMatchObject({ ...READER_EDITION_HEADERS, "content-type": "application/json", "X-Content-Type-Options": "nosniff" });
    const anonymous = await readerEditionFrontRoute(PAID, "authjs.session-token=forged");
    expect(anonymous.body).toBe(JSON.stringify({ category: "anonymous" }));
    expect((await readerEditionFrontRoute(PAID, undefined)).body).toBe(JSON.stringify({ category: "anonymous" }));
    for (const rest of ["no-such-piece", `${PAID}/extra`, "..%2Fadmin", ""]) {
      const missing = await readerEditionFrontRoute(rest, `authjs.session-token=${token}`);
      expect([rest, missing.status, missing.body]).toEqual([rest, 404, JSON.stringify({ error: "No such piece." })]);
    }
  });

  it("serves a kept copy of the gated part only while the piece is unchanged and for a few seconds", async () => {
    forgetGatedCopies();
    const reader = await viewer("active");
    const [piece] = await t.db.select({ id: pieces.id, analysis: pieces.analysis, html: pieces.analysisHtml }).from(pieces).where(eq(pieces.slug, PAID));
    const analysisOf = async () => {
      const body = (await readerEdition(PAID, reader))?.edition?.body;
      return body?.kind === "full" ? body.analysisHtml : "";
    };
    expect(await analysisOf()).toContain(ANALYSIS);
    // An edit changes the row's updated_at: the next answer has the new text at once.
    await t.db.update(pieces).set({ analysisHtml: "<p>Rewritten at once.</p>", updatedAt: new Date(Date.now() + 1000) }).where(eq(pieces.id, piece!.id));
    try {
      expect(await analysisOf()).toBe("<p>Rewritten at once.</p>");
    } finally {
      await t.db.update(pieces).set({ analysisHtml: piece!.html, updatedAt: new Date(Date.now() + 2000) }).where(eq(pieces.id, piece!.id));
    }
    // A signal's new status leaves the row alone: a copy is kept for at most three seconds.
    const proof = decideAccess(reader, { id: piece!.id, visibility: "paid" }, currentPolicy());
    if (!proof.allowed) throw new Error("an active subscriber reads paid pieces");
    const [row] = await t.db.select({ updatedAt: pieces.updatedAt }).from(pieces).where(eq(pieces.id, piece!.id));
    const at = Date.now();
    const first = await gatedEditionOf(proof.proof, row!.updatedAt, at);
    const [signal] = first.assessment!.signals;
    const next = signal!.status === "triggered" ? "watching" : "triggered";
    await t.db.update(assessmentSignals).set({ status: next }).where(eq(assessmentSignals.id, signal!.id));
    expect((await gatedEditionOf(proof.proof, row!.updatedAt, at + 2_000)).assessment!.signals[0]!.status).toBe(signal!.status);
    expect((await gatedEditionOf(proof.proof, row!.updatedAt, at + 3_000)).assessment!.signals[0]!.status).toBe(next);
    await t.db.update(assessmentSignals).set({ status: signal!.status }).where(eq(assessmentSignals.id, signal!.id));
    forgetGatedCopies();
  });

  it("has nothing for an unpublished or unknown piece", async () => {
    const reader = await viewer("active");
    expect(await readerEdition("no-such-piece", reader)).toBeNull();
    await t.db.update(pieces).set({ status: "draft" }).where(eq(pieces.slug, PAID));
    try {
      expect(await readerEdition(PAID, reader)).toBeNull();
    } finally {
      await t.db.update(pieces).set({ status: "published" }).where(eq(pieces.slug, PAID));
    }
  });
});
