import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, pieces } from "@/db/schema";
import { riskTags, riskVectors } from "@/db/schema-risk";
import { seedDemoPieces } from "@/db/seed";
import { type Viewer } from "@/lib/access/rule";
import { createPageStore } from "@/lib/cache/page-store.mjs";
import { viewersById } from "@/lib/newsletter/viewers";
import { riskForViewer } from "@/lib/pieces/risk";
import { checkAssessmentRefs } from "@/lib/pieces/risk-write";
import { AdminAccessDenied } from "@/lib/staff/authz";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { seedReader, type ReaderKind } from "@/test-support/newsletter-fixtures";
import { addTerm, listTerms, renameTerm, retireTerm } from "./taxonomy-admin";
import { listTags, listVectors } from "./taxonomy";

describe.each(databaseKinds())("taxonomy admin on %s", (kind) => {
  const t = useTestDatabase(kind);
  // This process's page cache, as a Next server has one: every change drops the taxonomy's pages.
  beforeAll(async () => {
    createPageStore(undefined, {});
    await seedDemoPieces(t.db);
  });

  async function viewer(k: ReaderKind): Promise<Viewer> {
    const r = await seedReader(t.db, k);
    return (await viewersById(t.db, [r.id])).get(r.id)!;
  }

  it.each(["active", "free", "editor"] as const)("refuses a %s: nothing changes", async (k) => {
    const v = await viewer(k);
    const before = await listTerms();
    await expect(addTerm(v, { kind: "vector", name: "Climate" })).rejects.toBeInstanceOf(AdminAccessDenied);
    await expect(renameTerm(v, { kind: "vector", key: "cyber", name: "Hacking" })).rejects.toBeInstanceOf(AdminAccessDenied);
    await expect(retireTerm(v, { kind: "vector", key: "cyber" })).rejects.toBeInstanceOf(AdminAccessDenied);
    expect(await listTerms()).toEqual(before);
  });

  it("lets an admin add, rename and retire, with an audit line each", async () => {
    const admin = await viewer("admin");
    expect(await addTerm(admin, { kind: "vector", name: "Climate" })).toMatchObject({ ok: true });
    expect(await addTerm(admin, { kind: "vector", name: "Climate" })).toMatchObject({ ok: false, error: /already exists/ });
    expect(await addTerm(admin, { kind: "sector", name: "x" })).toMatchObject({ ok: false, error: /at least 2 characters/ });
    expect(await addTerm(admin, { kind: "weather", name: "Rain" })).toMatchObject({ ok: false, error: /Choose vectors, sectors/ });
    expect(await addTerm(admin, { kind: "region", name: "Central Asia" })).toMatchObject({ ok: true });
    expect((await listVectors()).map((v) => v.name)).toContain("Climate");
    expect((await listTags()).find((tag) => tag.slug === "central-asia")).toMatchObject({ kind: "region", name: "Central Asia" });

    expect(await renameTerm(admin, { kind: "vector", key: "climate", name: "Climate & weather" })).toMatchObject({ ok: true });
    expect(await renameTerm(admin, { kind: "vector", key: "climate", name: "Cyber" })).toMatchObject({ ok: false, error: /already called/ });
    expect(await renameTerm(admin, { kind: "vector", key: "nope", name: "Whatever" })).toMatchObject({ ok: false, error: /Unknown term/ });
    const [renamed] = await t.db.select({ slug: riskVectors.slug, name: riskVectors.name }).from(riskVectors).where(eq(riskVectors.slug, "climate"));
    expect(renamed).toEqual({ slug: "climate", name: "Climate & weather" });

    const actions = await t.db.select({ action: auditLog.action, target: auditLog.target }).from(auditLog).where(eq(auditLog.actorId, admin.kind === "member" ? admin.userId : ""));
    expect(actions.map((a) => a.action).sort()).toEqual(["taxonomy.add", "taxonomy.add", "taxonomy.rename"]);
  });

  it("retires a term: gone from the editor's choices, kept on the pieces that carry it", async () => {
    const admin = await viewer("admin");
    const [telecoms] = await t.db.select({ id: riskTags.id }).from(riskTags).where(and(eq(riskTags.kind, "sector"), eq(riskTags.slug, "telecoms")));
    expect(await retireTerm(admin, { kind: "vector", key: "cyber" })).toMatchObject({ ok: true });
    expect(await retireTerm(admin, { kind: "vector", key: "cyber" })).toMatchObject({ ok: false, error: /already retired/ });
    expect(await retireTerm(admin, { kind: "sector", key: telecoms!.id })).toMatchObject({ ok: true });

    expect((await listVectors()).map((v) => v.slug)).not.toContain("cyber");
    expect((await listVectors({ include: "active", keep: ["cyber"] })).map((v) => v.slug)).toContain("cyber");
    expect((await listVectors({ include: "all" })).map((v) => v.slug)).toContain("cyber");
    expect((await listTags()).map((tag) => tag.id)).not.toContain(telecoms!.id);

    // The demo piece that carries both keeps them, on its card and in its editor; a new piece may not choose them.
    const [piece] = await t.db.select({ id: pieces.id, visibility: pieces.visibility }).from(pieces).where(eq(pieces.slug, "port-automation-strike-baltic"));
    const risk = await riskForViewer(piece!, admin, { now: new Date(), paymentGraceDays: 7 });
    expect(risk.kind === "full" && risk.assessment.vectors.map((v) => v.slug)).toContain("cyber");
    const withRetired = {
      level: "high" as const,
      horizon: "months" as const,
      vectors: [{ vector: "cyber", likelihood: 3, impact: 3, direction: "steady" as const, rationale: "R." }],
      sectors: [telecoms!.id],
      regions: [],
      organisations: [],
      signals: [],
    };
    const fresh = await checkAssessmentRefs(t.db, withRetired, null);
    expect(fresh["assessment.vectors.0.vector"]).toMatch(/choose a vector from the list/);
    expect(fresh["assessment.sectors"]).toMatch(/Exposed sectors: choose from the list/);
    expect(await checkAssessmentRefs(t.db, { ...withRetired, sectors: [] }, piece!.id)).toEqual({});
    const retiredLines = await t.db.select({ target: auditLog.target }).from(auditLog).where(eq(auditLog.action, "taxonomy.retire"));
    expect(retiredLines.map((l) => l.target).sort()).toEqual(["sector:" + telecoms!.id, "vector:cyber"].sort());
  });
});
