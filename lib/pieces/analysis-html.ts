import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { pieces } from "@/db/schema";
import { renderMarkdown } from "./markdown";

/**
 * The analysis is stored twice: as staff wrote it (markdown) and as readers get it (sanitized
 * HTML, rendered once when the piece is saved instead of on every request).
 */
export function analysisColumns(analysis: string): { analysis: string; analysisHtml: string } {
  return { analysis, analysisHtml: renderMarkdown(analysis) };
}

/** Renders the stored HTML of pieces that have none (rows from before the column, the demo seed). Returns how many. */
export async function backfillAnalysisHtml(d: Db): Promise<number> {
  const missing = await d.select({ id: pieces.id, analysis: pieces.analysis }).from(pieces).where(isNull(pieces.analysisHtml));
  for (const row of missing) {
    await d
      .update(pieces)
      .set({ analysisHtml: renderMarkdown(row.analysis) })
      .where(and(eq(pieces.id, row.id), eq(pieces.analysis, row.analysis)));
  }
  return missing.length;
}
