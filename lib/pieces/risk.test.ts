import { validPieceForm } from "@/test-support/piece-form";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { DEMO_ASSESSMENTS } from "@/db/demo-risk";
import { pieces } from "@/db/schema";
import { riskTags } from "@/db/schema-risk";
import { seedDemoPieces } from "@/db/seed";
import { ANONYMOUS, type Viewer } from "@/lib/access/rule";
import { viewersById } from "@/lib/newsletter/viewers";
import { savePiece } from "@/lib/publishing/editor";
import { changeSignalStatus } from "@/lib/risk/signal-status";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { createPageStore } from "@/lib/cache/page-store.mjs";
import { seedReader, type ReaderKind } from "@/test-support/newsletter-fixtures";
import { readAssessment, riskForViewer } from "./risk";
import { decideAccess } from "@/lib/access/rule";

const policy = () => ({ now: new Date(), paymentGraceDays: 7 });

/** Every gated string of a demo assessment: rationales, signals, indicators, notes, exposed parties. */
function gatedPhrases(slug: string): string[] {
  const a = DEMO_ASSESSMENTS[slug]!;
  return [
    ...a.vectors.map((v) => v[4]),
    ...a.signals.flatMap((s) => [s.statement, s.indicator, ...s.history.map((h) => h[2])]),
  ];
}

describe.each(databaseKinds())("risk assessments on %s", (kind) => {
  const t = useTestDatabase(kind);
  // This process's page cache, as a Next server has one: saving and signal changes invalidate its pages.
  beforeAll(() => createPageStore(undefined, {}));

  async function viewer(k: ReaderKind | "anonymous"): Promise<Viewer> {
    if (k === "anonymous") return ANONYMOUS;
    const r = await seedReader(t.db, k);
    return (await viewersById(t.db, [r.id])).get(r.id)!;
  }

  it("seeds the demo assessments once, with a triggered and a faded signal", async () => {
    await seedDemoPieces(t.db);
    await seedDemoPieces(t.db);
    const [port] = await t.db.select({ id: pieces.id, visibility: pieces.visibility }).from(pieces).where(eq(pieces.slug, "port-automation-strike-baltic"));
    const staff = await viewer("editor");
    const d = decideAccess(staff, port!, policy());
    if (!d.allowed) throw new Error("staff must read");
    const a = await readAssessment(d.proof);
    expect(a?.vectors.map((v) => v.slug)).toEqual(["geopolitical", "supply-chain", "cyber", "financial"]);
    expect(a?.signals.map((s) => s.status)).toEqual(["triggered", "watching"]);
    expect(a?.signals[0]?.changes.map((c) => c.status)).toEqual(["triggered", "watching"]);
    expect(a?.exposures.map((e) => e.name)).toContain("NATO");
    const statuses = JSON.stringify(Object.values(DEMO_ASSESSMENTS).flatMap((x) => x.signals.map((s) => s.history.at(-1)![0])));
    expect(statuses).toContain("faded");
  });

  it.each(["anonymous", "free", "canceled", "past_due_expired", "expired_grant"] as const)(
    "a %s reader gets only the level and vector names of every paid piece",
    async (k) => {
      const v = await viewer(k);
      const paid = await t.db.select({ id: pieces.id, slug: pieces.slug, visibility: pieces.visibility }).from(pieces).where(eq(pieces.visibility, "paid"));
      expect(paid.length).toBeGreaterThan(2);
      for (const p of paid) {
        const risk = await riskForViewer(p, v, policy());
        expect(risk.kind).toBe("hook");
        if (risk.kind !== "hook") continue;
        expect(risk.hook.level).toBe(DEMO_ASSESSMENTS[p.slug]!.level);
        expect(risk.hook.vectors.length).toBe(DEMO_ASSESSMENTS[p.slug]!.vectors.length);
        const json = JSON.stringify(risk);
        for (const phrase of gatedPhrases(p.slug)) expect(json).not.toContain(phrase);
        expect(Object.keys(risk.hook).sort()).toEqual(["level", "vectors"]);
        expect(json).not.toMatch(/likelihood|impact|rationale|horizon|signals|exposures/);
      }
    },
  );

  it.each(["active", "trialing", "past_due_in_grace", "complimentary", "admin"] as const)("a %s reader gets the whole assessment", async (k) => {
    const v = await viewer(k);
    const [p] = await t.db.select({ id: pieces.id, slug: pieces.slug, visibility: pieces.visibility }).from(pieces).where(eq(pieces.slug, "fertiliser-export-quota-harvest"));
    const risk = await riskForViewer(p!, v, policy());
    expect(risk.kind).toBe("full");
    const json = JSON.stringify(risk);
    for (const phrase of gatedPhrases(p!.slug)) expect(json).toContain(phrase);
  });

  it("saves an assessment from the editor, refuses unknown vectors and tags, and records status changes with an audit line", async () => {
    const editor = await seedReader(t.db, "editor");
    const actor = { kind: "member", userId: editor.id, email: editor.email, role: "editor", subscriptions: [], grants: [] } satisfies Viewer;
    const [sector] = await t.db.select({ id: riskTags.id }).from(riskTags).where(eq(riskTags.slug, "insurance"));
    const assessment = {
      level: "elevated",
      horizon: "weeks",
      vectors: [{ vector: "regulatory", likelihood: 2, impact: 4, direction: "steady", rationale: "A rule change is drafted." }],
      sectors: [sector!.id],
      regions: [],
      organisations: [],
      signals: [{ statement: "The draft is adopted unchanged.", indicator: "Publication in the official journal.", status: "watching" }],
    };
    const form = validPieceForm({ headline: "Customs rules tighten", teaser: "T.", analysis: "A.", ctaPitch: "P." });
    const bad = await savePiece(actor, null, { ...form, assessment: JSON.stringify({ ...assessment, vectors: [{ ...assessment.vectors[0], vector: "weather" }] }) }, "draft");
    expect(!bad.ok && bad.errors["assessment.vectors.0.vector"]).toMatch(/choose a vector from the list/);
    const badTag = await savePiece(actor, null, { ...form, assessment: JSON.stringify({ ...assessment, regions: [sector!.id] }) }, "draft");
    expect(!badTag.ok && badTag.errors["assessment.regions"]).toMatch(/Exposed regions: choose from the list/);

    const saved = await savePiece(actor, null, { ...form, assessment: JSON.stringify(assessment) }, "publish");
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const proof = decideAccess(await viewer("admin"), { id: saved.id, visibility: "paid" }, policy());
    if (!proof.allowed) throw new Error("admin reads");
    const a = await readAssessment(proof.proof);
    expect(a).toMatchObject({ level: "elevated", horizon: "weeks", exposures: [{ name: "Insurance" }] });
    const signalId = a!.signals[0]!.id;

    expect(await changeSignalStatus(actor, { signalId, status: "triggered", note: "" })).toMatchObject({ ok: false, error: /Note is required/ });
    expect(await changeSignalStatus(actor, { signalId, status: "gone", note: "x" })).toMatchObject({ ok: false, error: /watching, triggered or faded/ });
    expect(await changeSignalStatus(actor, { signalId, status: "triggered", note: "Adopted on 3 December." })).toMatchObject({ ok: true });
    const after = await readAssessment(proof.proof);
    expect(after!.signals[0]).toMatchObject({ status: "triggered", changes: [{ status: "triggered", note: "Adopted on 3 December." }, { status: "watching" }] });

    // Saving the piece again keeps the signal (by id) and its history.
    const again = await savePiece(actor, saved.id, { ...form, assessment: JSON.stringify({ ...assessment, signals: [{ ...assessment.signals[0], id: signalId, status: "triggered" }] }) }, "publish");
    expect(again.ok).toBe(true);
    expect((await readAssessment(proof.proof))!.signals[0]!.changes).toHaveLength(2);
    // And removing the assessment removes it.
    await savePiece(actor, saved.id, form, "publish");
    expect(await readAssessment(proof.proof)).toBeNull();
  });
});
