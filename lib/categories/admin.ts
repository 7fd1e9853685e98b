import "server-only";
import { asc, count, eq } from "drizzle-orm";
import { z } from "zod";
import { firstIssue } from "@/lib/actions/form-input";
import { listName } from "@/lib/actions/list-name";
import { categories, pieces } from "@/db/schema";
import type { Viewer } from "@/lib/access/rule";
import { invalidatePages } from "@/lib/cache/invalidate";
import { CATEGORIES_TAG, FEED_TAG, HOME_TAG, SITEMAP_TAG, categoryTag, pieceTag } from "@/lib/cache/tags";
import { db } from "@/lib/db";
import { audit } from "@/lib/staff/audit";
import { authorizeAdmin } from "@/lib/staff/authz";
import { createCategory, mergeCategory, renameCategory, type ChangeResult } from "./changes";

/**
 * Admins manage the categories editors file pieces under: create, rename (the old address
 * redirects), describe (shown on the category's page), and merge one into another (its pieces move,
 * its address redirects). Every change is audited and drops the pages that show the category.
 */
export type CategoryResult = { ok: true; message: string } | { ok: false; error: string };

const Description = z.string().trim().max(300, { error: "Description: at most 300 characters." }).default("");
const Id = z.string({ error: "Unknown category." }).trim().min(1, { error: "Unknown category." }).max(100, { error: "Unknown category." });

const Name = listName(40);
export const CreateCategoryInput = z.object({ name: Name, description: Description });
export const EditCategoryInput = z.object({ id: Id, name: Name, description: Description });
export const MergeCategoryInput = z.object({ id: Id, into: Id });

export interface AdminCategory {
  id: string;
  slug: string;
  name: string;
  description: string;
  /** Pieces filed under it, drafts and scheduled ones too. */
  pieces: number;
}

/** Every category with its piece count, by name. Callers are admin pages that ran requireAdmin. */
export async function listCategoriesForAdmin(): Promise<AdminCategory[]> {
  const d = await db();
  const rows = await d
    .select({ id: categories.id, slug: categories.slug, name: categories.name, description: categories.description, pieces: count(pieces.id) })
    .from(categories)
    .leftJoin(pieces, eq(pieces.category, categories.name))
    .groupBy(categories.id)
    .orderBy(asc(categories.name));
  return rows;
}


async function settle(change: ChangeResult, message: string): Promise<CategoryResult> {
  if (!change.ok) return change;
  await invalidatePages([CATEGORIES_TAG, HOME_TAG, FEED_TAG, SITEMAP_TAG, ...change.slugs.map(categoryTag), ...change.movedPieceSlugs.map(pieceTag)]);
  return { ok: true, message };
}

export async function addCategory(viewer: Viewer, input: unknown): Promise<CategoryResult> {
  const actor = await authorizeAdmin(viewer);
  const parsed = CreateCategoryInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  const { name, description } = parsed.data;
  const change = await createCategory(await db(), name, description, (tx, f) => audit(actor, "category.create", `category:${f.slugs[0]}`, { name }, tx));
  return settle(change, `Category “${name}” added.`);
}

export async function editCategory(viewer: Viewer, input: unknown): Promise<CategoryResult> {
  const actor = await authorizeAdmin(viewer);
  const parsed = EditCategoryInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  const { id, name, description } = parsed.data;
  const change = await renameCategory(await db(), id, name, description, (tx, f) =>
    f.from !== f.to
      ? audit(actor, "category.rename", `category:${f.slugs.at(-1) ?? id}`, { from: f.from, to: f.to }, tx)
      : audit(actor, "category.describe", `category:${f.slugs.at(-1) ?? id}`, { name }, tx),
  );
  if (!change.ok) return change;
  return settle(change, change.from !== change.to ? `Renamed “${change.from}” to “${change.to}”; its old address redirects.` : `“${name}” saved.`);
}

export async function mergeCategories(viewer: Viewer, input: unknown): Promise<CategoryResult> {
  const actor = await authorizeAdmin(viewer);
  const parsed = MergeCategoryInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  const { id, into } = parsed.data;
  const change = await mergeCategory(await db(), id, into, (tx, f) =>
    audit(actor, "category.merge", `category:${f.slugs.at(-1) ?? into}`, { from: f.from, into: f.to, pieces: f.movedPieceSlugs.length }, tx),
  );
  if (!change.ok) return change;
  const moved = change.movedPieceSlugs.length;
  return settle(change, `Merged “${change.from}” into “${change.to}”: ${moved} ${moved === 1 ? "piece" : "pieces"} moved; its old address redirects.`);
}
