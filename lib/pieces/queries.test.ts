import { beforeAll, describe, expect, it } from "vitest";
import { ensureCategories } from "@/test-support/categories";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { seedDemoPieces, seedIfEmpty } from "@/db/seed";
import { DEMO_PIECES } from "@/db/demo-pieces";
import { pieces } from "@/db/schema";
import { ANONYMOUS, decideAccess } from "@/lib/access/rule";
import { findCategory, findPublishedBySlug, latestPiecesExcept, listCategories, listPublished, listPublishedSlugs, readAnalysis } from "@/lib/pieces/queries";
import { pieceForViewer } from "./reading";

const policy = { now: new Date("2026-11-22T00:00:00Z"), paymentGraceDays: 7 };
const paid = DEMO_PIECES.find((p) => p.visibility === "paid")!;
const analysisSentence = paid.analysis.split(".")[0]!;

describe.each(databaseKinds())("pieces on %s", (kind) => {
  const t = useTestDatabase(kind);
  beforeAll(async () => {
    expect(await seedIfEmpty(t.db)).toBe(DEMO_PIECES.length);
    expect(await seedIfEmpty(t.db)).toBe(0);
    expect(await seedDemoPieces(t.db)).toBe(0);
  });

  it("lists published pieces newest first, paginated, without the analysis", async () => {
    const page1 = await listPublished({ page: 1, pageSize: 4, now: policy.now });
    expect(page1.total).toBe(DEMO_PIECES.length);
    expect(page1.pageCount).toBe(2);
    expect(page1.items).toHaveLength(4);
    const dates = page1.items.map((p) => p.publishedAt.getTime());
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    expect(JSON.stringify(page1)).not.toContain(analysisSentence);
    const page2 = await listPublished({ page: 2, pageSize: 4, now: policy.now });
    expect(page2.items).toHaveLength(DEMO_PIECES.length - 4);
  });

  it("filters by category slug", async () => {
    const categories = await listCategories(policy.now);
    expect(categories.length).toBeGreaterThanOrEqual(2);
    const markets = categories.find((c) => c.slug === "markets")!;
    const list = await listPublished({ page: 1, pageSize: 50, categorySlug: "markets", now: policy.now });
    expect(list.items.map((p) => p.category)).toEqual(Array(markets.count).fill("Markets"));
    expect((await listPublished({ page: 1, pageSize: 50, categorySlug: "nope", now: policy.now })).total).toBe(0);
  });

  it("finds a category by its slug in any letter case, and nothing for an unknown one", async () => {
    for (const slug of ["markets", "Markets", "MARKETS"]) {
      expect((await findCategory(slug, policy.now))?.slug).toBe("markets");
    }
    expect(await findCategory("nope", policy.now)).toBeNull();
  });

  it("lists the latest pieces without the one being read", async () => {
    const [newest, second] = (await listPublished({ page: 1, pageSize: 2, now: policy.now })).items;
    const more = await latestPiecesExcept(newest!.slug, 3, policy.now);
    expect(more).toHaveLength(3);
    expect(more.map((p) => p.slug)).not.toContain(newest!.slug);
    expect(more[0]!.slug).toBe(second!.slug);
    expect((await latestPiecesExcept(null, 2, policy.now)).map((p) => p.slug)).toEqual([newest!.slug, second!.slug]);
  });

  it("hides drafts and pieces scheduled for later", async () => {
    await ensureCategories(t.db, ["Markets", "Technology", "Geopolitics"]);
    await t.db.insert(pieces).values([
      { ...paid, slug: "draft-one", status: "draft" },
      { ...paid, slug: "future-one", status: "published", publishAt: new Date("2030-01-01T00:00:00Z") },
    ]);
    expect(await findPublishedBySlug("draft-one", policy.now)).toBeNull();
    expect(await findPublishedBySlug("future-one", policy.now)).toBeNull();
    expect((await listPublishedSlugs(policy.now)).map((s) => s.slug)).not.toContain("future-one");
  });

  it("reads the analysis only with a proof, and the anonymous view of a paid piece has no analysis", async () => {
    const teaser = await findPublishedBySlug(paid.slug, policy.now);
    expect(teaser).not.toBeNull();
    expect(JSON.stringify(teaser)).not.toContain(analysisSentence);
    const view = await pieceForViewer(paid.slug, ANONYMOUS, policy.now);
    expect(view?.body).toEqual({ kind: "paywall", reason: "subscribe" });
    const staff = { kind: "member" as const, userId: "x", email: "e@example.com", role: "editor" as const, subscriptions: [], grants: [] };
    const decision = decideAccess(staff, teaser!, policy);
    expect(decision.allowed).toBe(true);
    if (decision.allowed) expect(await readAnalysis(decision.proof)).toContain(analysisSentence);
  });
});
