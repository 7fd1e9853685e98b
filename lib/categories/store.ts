import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { categories, categoryRedirects } from "@/db/schema";
import { isSlug } from "@/lib/publishing/slug";

export interface Category {
  id: string;
  slug: string;
  name: string;
  description: string;
}

const fields = { id: categories.id, slug: categories.slug, name: categories.name, description: categories.description };

/** The managed list, by name: what the editor's select offers and navigation shows. */
export async function listCategories(): Promise<Category[]> {
  return (await db()).select(fields).from(categories).orderBy(asc(categories.name));
}

export async function categoryByName(name: string): Promise<Category | null> {
  return (await (await db()).select(fields).from(categories).where(eq(categories.name, name)))[0] ?? null;
}

export async function categoryBySlug(slug: string): Promise<Category | null> {
  return (await (await db()).select(fields).from(categories).where(eq(categories.slug, slug)))[0] ?? null;
}

/** Where an old slug (renamed or merged away) now points, if anywhere. */
export async function redirectedCategorySlug(slug: string): Promise<string | null> {
  if (!isSlug(slug)) return null;
  const [row] = await (await db())
    .select({ slug: categories.slug })
    .from(categoryRedirects)
    .innerJoin(categories, eq(categories.id, categoryRedirects.categoryId))
    .where(eq(categoryRedirects.fromSlug, slug));
  return row?.slug ?? null;
}
