import "server-only";
import { invalidatePages } from "@/lib/cache/invalidate";
import { CATEGORIES_TAG, FEED_TAG, HOME_TAG, SITEMAP_TAG, authorTag, categoryTag, pieceTag } from "@/lib/cache/tags";
import { listCategories } from "@/lib/pieces/queries";
import { slugify } from "./slug";

/** Where a piece shows, as far as the cached pages care. */
export interface PiecePlacement {
  slug: string;
  category: string;
  published: boolean;
  /** The author's page lists the piece (when the author has a profile). */
  authorSlug?: string | undefined;
}

/** The tags of every page that shows the piece before or after a change (none for a piece that never showed). */
export async function tagsForChange(before: PiecePlacement | undefined, after: PiecePlacement | undefined): Promise<string[]> {
  const shown = [before, after].filter((p): p is PiecePlacement => p?.published === true);
  if (shown.length === 0) return [];
  const tags = new Set([HOME_TAG, FEED_TAG, SITEMAP_TAG]);
  for (const p of shown) {
    tags.add(pieceTag(p.slug));
    tags.add(categoryTag(slugify(p.category)));
    if (p.authorSlug) tags.add(authorTag(p.authorSlug));
  }
  if (await categoryListMayHaveChanged(shown.map((p) => slugify(p.category)))) tags.add(CATEGORIES_TAG);
  return [...tags];
}

/** Every page lists the categories: only a category that appeared or emptied changes them all. */
async function categoryListMayHaveChanged(categorySlugs: string[]): Promise<boolean> {
  const counts = new Map((await listCategories()).map((c) => [c.slug, c.count]));
  return categorySlugs.some((slug) => (counts.get(slug) ?? 0) <= 1);
}

/** Drops the cached pages that show the piece, everywhere; throws when it cannot (after retries). */
export async function invalidatePiecePages(before: PiecePlacement | undefined, after: PiecePlacement | undefined): Promise<void> {
  await invalidatePages(await tagsForChange(before, after));
}
