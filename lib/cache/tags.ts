/**
 * Cache tags: each cached page carries the tags of what it shows, and a change to a piece
 * invalidates exactly those tags (lib/publishing/invalidation.ts decides which).
 */
export const HOME_TAG = "home";
export const CATEGORIES_TAG = "categories";
export const FEED_TAG = "feed";
export const SITEMAP_TAG = "sitemap";

export const pieceTag = (slug: string): string => `piece:${slug}`;
export const categoryTag = (categorySlug: string): string => `category:${categorySlug}`;
export const authorTag = (authorSlug: string): string => `author:${authorSlug}`;
/** Pages that show names from the managed risk lists (vectors, sectors, regions, organisations). */
export const TAXONOMY_TAG = "taxonomy";
