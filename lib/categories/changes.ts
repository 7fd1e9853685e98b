import "server-only";
import { eq } from "drizzle-orm";
import { categories, categoryRedirects, pieces } from "@/db/schema";
import type { Db } from "@/db/client";
import { slugify } from "@/lib/publishing/slug";

/** What a change did: the slugs whose pages show it, and the names before and after. */
export interface ChangeFacts {
  slugs: string[];
  movedPieceSlugs: string[];
  from: string;
  to: string;
}

export type ChangeResult = ({ ok: true } & ChangeFacts) | { ok: false; error: string };

/** Runs in the change's transaction (the audit entry), so a change is never left unrecorded. */
export type RecordChange = (tx: Db, facts: ChangeFacts) => Promise<void>;

const nothing: RecordChange = async () => undefined;

async function done(tx: Db, facts: ChangeFacts, record: RecordChange): Promise<ChangeResult> {
  await record(tx, facts);
  return { ok: true, ...facts };
}

async function taken(d: Db, name: string, slug: string, except?: string): Promise<boolean> {
  const rows = await d.select({ id: categories.id, name: categories.name, slug: categories.slug }).from(categories);
  return rows.some((r) => r.id !== except && (r.name === name || r.slug === slug));
}

export async function createCategory(d: Db, name: string, description: string, record = nothing): Promise<ChangeResult> {
  const slug = slugify(name);
  if (!slug) return { ok: false, error: "A name needs at least one letter or digit." };
  return d.transaction(async (tx) => {
    if (await taken(tx, name, slug)) return { ok: false, error: "A category with this name (or address) exists already." };
    await tx.insert(categories).values({ name, slug, description });
    return done(tx, { slugs: [slug], movedPieceSlugs: [], from: name, to: name }, record);
  });
}

/** Renaming moves the address too; the old slug redirects. pieces.category follows by the foreign key's cascade. */
export async function renameCategory(d: Db, id: string, name: string, description: string, record = nothing): Promise<ChangeResult> {
  const slug = slugify(name);
  if (!slug) return { ok: false, error: "A name needs at least one letter or digit." };
  return d.transaction(async (tx) => {
    const [old] = await tx.select().from(categories).where(eq(categories.id, id));
    if (!old) return { ok: false, error: "This category no longer exists." };
    if (await taken(tx, name, slug, id)) return { ok: false, error: "A category with this name (or address) exists already." };
    await tx.update(categories).set({ name, slug, description, updatedAt: new Date() }).where(eq(categories.id, id));
    if (old.slug !== slug) {
      await tx.delete(categoryRedirects).where(eq(categoryRedirects.fromSlug, slug));
      await tx.insert(categoryRedirects).values({ fromSlug: old.slug, categoryId: id }).onConflictDoUpdate({ target: categoryRedirects.fromSlug, set: { categoryId: id } });
    }
    const moved = await tx.select({ slug: pieces.slug }).from(pieces).where(eq(pieces.category, name));
    return done(tx, { slugs: [old.slug, slug], movedPieceSlugs: moved.map((p) => p.slug), from: old.name, to: name }, record);
  });
}

/** Moves every piece of `fromId` into `intoId`, deletes `fromId`, and redirects its slug (and those that led to it). */
export async function mergeCategory(d: Db, fromId: string, intoId: string, record = nothing): Promise<ChangeResult> {
  if (fromId === intoId) return { ok: false, error: "Choose a different category to merge into." };
  return d.transaction(async (tx) => {
    const [from] = await tx.select().from(categories).where(eq(categories.id, fromId));
    const [into] = await tx.select().from(categories).where(eq(categories.id, intoId));
    if (!from || !into) return { ok: false, error: "One of these categories no longer exists." };
    const moved = await tx.update(pieces).set({ category: into.name, updatedAt: new Date() }).where(eq(pieces.category, from.name)).returning({ slug: pieces.slug });
    await tx.update(categoryRedirects).set({ categoryId: into.id }).where(eq(categoryRedirects.categoryId, from.id));
    await tx.delete(categories).where(eq(categories.id, from.id));
    await tx.insert(categoryRedirects).values({ fromSlug: from.slug, categoryId: into.id });
    return done(tx, { slugs: [from.slug, into.slug], movedPieceSlugs: moved.map((p) => p.slug), from: from.name, to: into.name }, record);
  });
}
