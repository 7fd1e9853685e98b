import "server-only";
import { asc, count, eq } from "drizzle-orm";
import { z } from "zod";
import { categories, pieces } from "@/db/schema";
import type { Viewer } from "@/lib/access/rule";
import { invalidatePages } from "@/lib/cache/invalidate";
import { CATEGORIES_TAG, FEED_TAG, HOME_TAG, SITEMAP_TAG, categoryTag, pieceTag } from "@/lib/cache/tags";
import { db } from "@/lib/db";
import { slugify } from "@/lib/publishing/slug";
import { audit } from "@/lib/staff/audit";
import { authorizeAdmin } from "@/lib/staff/authz";
import { createCategory, mergeCategory, renameCategory, type ChangeResult } from "./changes";

/**
 * Admins manage the categories editors file pieces under: create, rename (the old address
 * redirects), describe (shown on the category's page), and merge one into another (its pieces move,
 * its address redirects). Every change is audited and drops the pages that show the category.
 */
export type CategoryResult = { ok: true; message: string } | { ok: false; error: string };

const Name = z
  .string({ error: "Name is required." })
  .trim()
  .min(2, { error: "Name: at least 2 characters." })
  .max(40, { error: "Name: at most 40 characters." })
  .refine((n) => slugify(n).length > 0, { error: "Name: use letters or digits." });
const Description = z.string().trim().max(300, { error: "Description: at most 300 characters." }).default("");
const Id = z.string({ error: "Unknown category." }).trim().min(1, { error: "Unknown category." }).max(100, { error: "Unknown category." });

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

const firstIssue = (e: z.ZodError) => e.issues[0]?.message ?? "Check the form and try again.";

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
  const change = await createCategory(await db(), name, description);
  if (change.ok) await audit(actor, "category.create", `category:${change.slugs[0]}`, { name });
  return settle(change, `Category “${name}” added.`);
}

export async function editCategory(viewer: Viewer, input: unknown): Promise<CategoryResult> {
  const actor = await authorizeAdmin(viewer);
  const parsed = EditCategoryInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  const { id, name, description } = parsed.data;
  const d = await db();
  const [before] = await d.select({ name: categories.name }).from(categories).where(eq(categories.id, id));
  const change = await renameCategory(d, id, name, description);
  if (!change.ok || !before) return settle(change, "");
  const renamed = before.name !== name;
  await audit(actor, renamed ? "category.rename" : "category.describe", `category:${change.slugs.at(-1) ?? id}`, renamed ? { from: before.name, to: name } : { name });
  return settle(change, renamed ? `Renamed “${before.name}” to “${name}”; its old address redirects.` : `“${name}” saved.`);
}

export async function mergeCategories(viewer: Viewer, input: unknown): Promise<CategoryResult> {
  const actor = await authorizeAdmin(viewer);
  const parsed = MergeCategoryInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  const { id, into } = parsed.data;
  const d = await db();
  const names = new Map((await d.select({ id: categories.id, name: categories.name }).from(categories)).map((c) => [c.id, c.name]));
  const change = await mergeCategory(d, id, into);
  if (!change.ok) return change;
  const from = names.get(id) ?? id;
  const target = names.get(into) ?? into;
  await audit(actor, "category.merge", `category:${change.slugs.at(-1) ?? into}`, { from, into: target, pieces: change.movedPieceSlugs.length });
  const moved = change.movedPieceSlugs.length;
  return settle(change, `Merged “${from}” into “${target}”: ${moved} ${moved === 1 ? "piece" : "pieces"} moved; its old address redirects.`);
}
