import type { Db } from "@/db/client";
import { categories } from "@/db/schema";
import { slugify } from "@/lib/publishing/slug";

/** Pieces must name a managed category: tests that write pieces create theirs first. */
export async function ensureCategories(d: Db, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await d
    .insert(categories)
    .values([...new Set(names)].map((name) => ({ name, slug: slugify(name) })))
    .onConflictDoNothing();
}
