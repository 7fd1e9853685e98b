import "server-only";
import { and, asc, eq, isNull, max, ne } from "drizzle-orm";
import { z } from "zod";
import { firstIssue } from "@/lib/actions/form-input";
import { listName } from "@/lib/actions/list-name";
import { db } from "@/lib/db";
import { riskTags, riskVectors } from "@/db/schema-risk";
import type { Viewer } from "@/lib/access/rule";
import { invalidatePages } from "@/lib/cache/invalidate";
import { TAXONOMY_TAG } from "@/lib/cache/tags";
import { slugify } from "@/lib/publishing/slug";
import { audit } from "@/lib/staff/audit";
import { authorizeAdmin } from "@/lib/staff/authz";

/**
 * Admins manage the risk lists: vectors, sectors, regions and organisations. A term is added,
 * renamed (its slug, the stable key in filter URLs and follows, stays) or retired: a retired term
 * leaves the editor's choices but stays on the assessments that carry it. Every change is audited
 * and drops the cached pages that show the lists' names.
 */
export const TERM_KINDS = ["vector", "sector", "region", "organisation"] as const;
export type TermKind = (typeof TERM_KINDS)[number];

export interface Term {
  kind: TermKind;
  /** The vector's slug, or the tag's id. */
  key: string;
  slug: string;
  name: string;
  retiredAt: Date | null;
}

export type TaxonomyResult = { ok: true; message: string } | { ok: false; error: string };

const Kind = z.enum(TERM_KINDS, { error: "Choose vectors, sectors, regions or organisations." });
const Key = z.string({ error: "Unknown term." }).trim().min(1, { error: "Unknown term." }).max(100, { error: "Unknown term." });

const Name = listName(60);
export const AddTermInput = z.object({ kind: Kind, name: Name });
export const RenameTermInput = z.object({ kind: Kind, key: Key, name: Name });
export const RetireTermInput = z.object({ kind: Kind, key: Key });

const noun = (kind: TermKind) => ({ vector: "vector", sector: "sector", region: "region", organisation: "organisation" })[kind];

/** Every term, retired ones too, by kind then name. Callers are admin pages that ran requireAdmin. */
export async function listTerms(): Promise<Term[]> {
  const d = await db();
  const [vectors, tags] = await Promise.all([
    d
      .select({ slug: riskVectors.slug, name: riskVectors.name, retiredAt: riskVectors.retiredAt })
      .from(riskVectors)
      .orderBy(asc(riskVectors.position), asc(riskVectors.name)),
    d
      .select({ id: riskTags.id, kind: riskTags.kind, slug: riskTags.slug, name: riskTags.name, retiredAt: riskTags.retiredAt })
      .from(riskTags)
      .orderBy(asc(riskTags.kind), asc(riskTags.name)),
  ]);
  return [
    ...vectors.map((v) => ({ kind: "vector" as const, key: v.slug, ...v })),
    ...tags.map(({ id, ...t }) => ({ key: id, ...t })),
  ];
}

const refusal = (error: string): TaxonomyResult => ({ ok: false, error });

async function afterChange(result: TaxonomyResult): Promise<TaxonomyResult> {
  if (result.ok) await invalidatePages([TAXONOMY_TAG]);
  return result;
}

export async function addTerm(viewer: Viewer, input: unknown): Promise<TaxonomyResult> {
  const actor = await authorizeAdmin(viewer);
  const parsed = AddTermInput.safeParse(input);
  if (!parsed.success) return refusal(firstIssue(parsed.error));
  const { kind, name } = parsed.data;
  const slug = slugify(name);
  const d = await db();
  const result = await d.transaction(async (tx): Promise<TaxonomyResult> => {
    if (kind === "vector") {
      const clash = await tx.select({ slug: riskVectors.slug }).from(riskVectors).where(eq(riskVectors.slug, slug));
      const nameClash = await tx.select({ slug: riskVectors.slug }).from(riskVectors).where(eq(riskVectors.name, name));
      if (clash.length > 0 || nameClash.length > 0) return refusal(`A vector called “${name}” already exists (retired ones too).`);
      const [top] = await tx.select({ position: max(riskVectors.position) }).from(riskVectors);
      const position = (top?.position ?? 0) + 1;
      await tx.insert(riskVectors).values({ slug, name, position });
      await audit(actor, "taxonomy.add", `vector:${slug}`, { name }, tx);
      return { ok: true, message: `Vector “${name}” added.` };
    }
    const clash = await tx.select({ id: riskTags.id }).from(riskTags).where(and(eq(riskTags.kind, kind), eq(riskTags.slug, slug)));
    if (clash.length > 0) return refusal(`A ${noun(kind)} called “${name}” already exists (retired ones too).`);
    const [row] = await tx.insert(riskTags).values({ kind, slug, name }).returning({ id: riskTags.id });
    await audit(actor, "taxonomy.add", `${kind}:${row?.id ?? slug}`, { name, slug }, tx);
    return { ok: true, message: `${noun(kind).replace(/^./, (c) => c.toUpperCase())} “${name}” added.` };
  });
  return afterChange(result);
}

export async function renameTerm(viewer: Viewer, input: unknown): Promise<TaxonomyResult> {
  const actor = await authorizeAdmin(viewer);
  const parsed = RenameTermInput.safeParse(input);
  if (!parsed.success) return refusal(firstIssue(parsed.error));
  const { kind, key, name } = parsed.data;
  const d = await db();
  const result = await d.transaction(async (tx): Promise<TaxonomyResult> => {
    if (kind === "vector") {
      const [term] = await tx.select({ name: riskVectors.name }).from(riskVectors).where(eq(riskVectors.slug, key));
      if (!term) return refusal("Unknown term.");
      const clash = await tx.select({ slug: riskVectors.slug }).from(riskVectors).where(and(eq(riskVectors.name, name), ne(riskVectors.slug, key)));
      if (clash.length > 0) return refusal(`Another vector is already called “${name}”.`);
      await tx.update(riskVectors).set({ name }).where(eq(riskVectors.slug, key));
      await audit(actor, "taxonomy.rename", `vector:${key}`, { from: term.name, to: name }, tx);
      return { ok: true, message: `Renamed “${term.name}” to “${name}”.` };
    }
    const [term] = await tx.select({ name: riskTags.name }).from(riskTags).where(and(eq(riskTags.id, key), eq(riskTags.kind, kind)));
    if (!term) return refusal("Unknown term.");
    const clash = await tx.select({ id: riskTags.id }).from(riskTags).where(and(eq(riskTags.kind, kind), eq(riskTags.name, name), ne(riskTags.id, key)));
    if (clash.length > 0) return refusal(`Another ${noun(kind)} is already called “${name}”.`);
    await tx.update(riskTags).set({ name }).where(eq(riskTags.id, key));
    await audit(actor, "taxonomy.rename", `${kind}:${key}`, { from: term.name, to: name }, tx);
    return { ok: true, message: `Renamed “${term.name}” to “${name}”.` };
  });
  return afterChange(result);
}

export async function retireTerm(viewer: Viewer, input: unknown, now = new Date()): Promise<TaxonomyResult> {
  const actor = await authorizeAdmin(viewer);
  const parsed = RetireTermInput.safeParse(input);
  if (!parsed.success) return refusal(firstIssue(parsed.error));
  const { kind, key } = parsed.data;
  const d = await db();
  const result = await d.transaction(async (tx): Promise<TaxonomyResult> => {
    const rows =
      kind === "vector"
        ? await tx.update(riskVectors).set({ retiredAt: now }).where(and(eq(riskVectors.slug, key), isNull(riskVectors.retiredAt))).returning({ name: riskVectors.name })
        : await tx
            .update(riskTags)
            .set({ retiredAt: now })
            .where(and(eq(riskTags.id, key), eq(riskTags.kind, kind), isNull(riskTags.retiredAt)))
            .returning({ name: riskTags.name });
    const [term] = rows;
    if (!term) return refusal("Unknown term, or already retired.");
    await audit(actor, "taxonomy.retire", `${kind}:${key}`, { name: term.name }, tx);
    return { ok: true, message: `“${term.name}” retired: it leaves the editor's choices and stays on the pieces that carry it.` };
  });
  return afterChange(result);
}
