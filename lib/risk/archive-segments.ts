import { categoryHref } from "@/lib/paths";
import { parseArchiveFilters, type ArchiveFilters, type Parsed } from "./filters";

/**
 * The archive's filters travel as ?vector=&level= and reach the cached filtered routes as two
 * path segments (next.config.ts rewrites them), `_` standing for "any".
 */
export const ANY_SEGMENT = "_";

export function archiveFiltersOfSegments(segments: { vector: string; level: string }, vectors: readonly { slug: string }[]): Parsed<ArchiveFilters> {
  const value = (s: string) => (s === ANY_SEGMENT ? undefined : decoded(s));
  return parseArchiveFilters({ vector: value(segments.vector), level: value(segments.level) }, { vectors: vectors.map((v) => v.slug) });
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The public address of a category filtered by its two segments: /category/<slug>?vector=…&level=…. */
export function filteredCategoryHref(slug: string, segments: { vector: string; level: string }): string {
  const query = new URLSearchParams();
  if (segments.vector !== ANY_SEGMENT) query.set("vector", decoded(segments.vector));
  if (segments.level !== ANY_SEGMENT) query.set("level", decoded(segments.level));
  const q = query.toString();
  return q ? `${categoryHref(slug)}?${q}` : categoryHref(slug);
}
