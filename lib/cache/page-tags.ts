import "server-only";
import { unstable_cache } from "next/cache";

/**
 * Marks the page being rendered with `tags`, so that invalidating any of them drops its cached copy
 * on every instance. Next attaches the tags of the cached data a page reads to the page's entry; a
 * cached constant is the cheapest such read (pages read the database directly).
 */
export async function tagPage(...tags: string[]): Promise<void> {
  await unstable_cache(async () => true, ["page-tags", ...tags], { tags })();
}
