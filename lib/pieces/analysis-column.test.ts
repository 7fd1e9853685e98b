/**
 * The promise that the analysis leaves the database only with an access proof, checked on the
 * source: outside lib/pieces/ no module names the column or reads whole piece rows.
 */
import { describe, expect, it } from "vitest";
import { productSources } from "@/test-support/source-files";

const GATED_READS: [string, RegExp][] = [
  ["names the analysis column", /\bpieces\.analysis\b/],
  // The analysis's search document (db/schema.ts) holds its words: searchable only through lib/pieces/search.ts.
  ["names the analysis search document", /\bpieces\.searchAnalysis\b|\bsearch_analysis\b/],
  ["selects whole piece rows", /\.select\(\s*\)\s*\.from\(\s*pieces\s*\)/],
  ["spreads every piece column", /getTableColumns\(\s*pieces\s*\)/],
  ["uses the relational query API on pieces", /\bquery\.pieces\b/],
  ["returns whole piece rows from a write", /\.(?:insert|update|delete)\(\s*pieces\s*\)(?:(?!;)[\s\S])*?\.returning\(\s*\)/],
  // Issue 12: the gated parts of the risk assessment (db/schema-risk.ts). The level and the vector names are the public hook.
  ["names a gated assessment column", /\bassessmentVectors\.(?:likelihood|impact|direction|rationale)\b|\bpieceAssessments\.horizon\b/],
  ["names a gated assessment table", /\b(?:assessmentExposures|assessmentSignals|signalChanges)\b/],
  ["reads whole assessment rows", /\.select\(\s*\)\s*\.from\(\s*(?:assessmentVectors|pieceAssessments)\s*\)|getTableColumns\(\s*(?:assessmentVectors|pieceAssessments)\s*\)/],
];

const sources = productSources(["app", "components", "lib", "emails", "scripts", "bench"]);
const outsidePieces = sources.filter((f) => !f.path.startsWith("lib/pieces/"));

describe("the analysis column", () => {
  it("finds the source files it checks", () => {
    expect(outsidePieces.length).toBeGreaterThan(100);
    expect(sources.some((f) => f.path === "lib/pieces/queries.ts" && /\bpieces\.analysis\b/.test(f.text))).toBe(true);
    expect(sources.some((f) => f.path === "lib/pieces/search.ts" && /\bpieces\.searchAnalysis\b/.test(f.text))).toBe(true);
  });

  it.each(GATED_READS)("no module outside lib/pieces/ %s", (_what, pattern) => {
    expect(outsidePieces.filter((f) => pattern.test(f.text)).map((f) => f.path)).toEqual([]);
  });

  it("finds the gated assessment reads inside lib/pieces/", () => {
    expect(sources.some((f) => f.path === "lib/pieces/risk.ts" && /\bassessmentVectors\.rationale\b/.test(f.text) && /\bsignalChanges\b/.test(f.text))).toBe(true);
    expect(GATED_READS.some(([, p]) => p.test("d.select({ r: assessmentVectors.rationale }).from(assessmentVectors)"))).toBe(true);
    expect(GATED_READS.some(([, p]) => p.test("d.select({ s: assessmentVectors.vector }).from(assessmentVectors)"))).toBe(false);
  });

  it("would catch a new query that reads whole rows", () => {
    const offender = 'const rows = await d.select().from(pieces).where(eq(pieces.slug, slug));';
    expect(GATED_READS.some(([, p]) => p.test(offender))).toBe(true);
    expect(GATED_READS.some(([, p]) => p.test("await d.update(pieces).set(v).where(w).returning();"))).toBe(true);
    expect(GATED_READS.some(([, p]) => p.test("await d.update(pieces).set(v).returning({ id: pieces.id });"))).toBe(false);
  });
});
