/**
 * The stored analysis HTML: written by the renderer the site uses, backfilled for rows without
 * it, and read only with the access rule's proof.
 */
import { eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { seedIfEmpty } from "@/db/seed";
import { DEMO_PIECES } from "@/db/demo-pieces";
import { pieces } from "@/db/schema";
import { decideAccess, type Viewer } from "@/lib/access/rule";
import { analysisColumns, backfillAnalysisHtml } from "./analysis-html";
import { renderMarkdown } from "./markdown";
import { readAnalysisHtml } from "./queries";

const policy = { now: new Date("2026-11-22T00:00:00Z"), paymentGraceDays: 7 };
const paid = DEMO_PIECES.find((p) => p.visibility === "paid")!;
const staff: Viewer = { kind: "member", userId: "u", email: "e@example.com", role: "editor", subscriptions: [], grants: [] };

describe("analysisColumns", () => {
  it("stores the markdown and its sanitized rendering", () => {
    const markdown = "Risk is **real**.<script>alert(1)</script> [x](javascript:alert(1))";
    const columns = analysisColumns(markdown);
    expect(columns.analysis).toBe(markdown);
    expect(columns.analysisHtml).toBe(renderMarkdown(markdown));
    expect(columns.analysisHtml).toContain("<strong>real</strong>");
    expect(columns.analysisHtml).not.toMatch(/<script|javascript:/);
  });
});

describe.each(databaseKinds())("stored analysis HTML on %s", (kind) => {
  const t = useTestDatabase(kind);
  beforeAll(async () => {
    await seedIfEmpty(t.db);
  });

  it("the seed leaves it empty; the backfill renders every row once, with the site's renderer", async () => {
    expect(await t.db.$count(pieces, isNull(pieces.analysisHtml))).toBe(DEMO_PIECES.length);
    expect(await backfillAnalysisHtml(t.db)).toBe(DEMO_PIECES.length);
    expect(await backfillAnalysisHtml(t.db)).toBe(0);
    const [row] = await t.db.select({ html: pieces.analysisHtml }).from(pieces).where(eq(pieces.slug, paid.slug!));
    expect(row?.html).toBe(renderMarkdown(paid.analysis));
  });

  it("readAnalysisHtml gives the stored HTML, and renders a row that has none yet", async () => {
    const [piece] = await t.db.select({ id: pieces.id, visibility: pieces.visibility }).from(pieces).where(eq(pieces.slug, paid.slug!));
    if (!piece) throw new Error("no demo piece");
    const decision = decideAccess(staff, piece, policy);
    if (!decision.allowed) throw new Error("staff may read everything");
    await t.db.update(pieces).set({ analysisHtml: "<p>stored</p>" }).where(eq(pieces.id, piece.id));
    expect(await readAnalysisHtml(decision.proof)).toBe("<p>stored</p>");
    await t.db.update(pieces).set({ analysisHtml: null }).where(eq(pieces.id, piece.id));
    expect(await readAnalysisHtml(decision.proof)).toBe(renderMarkdown(paid.analysis));
  });
});
