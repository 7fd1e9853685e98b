import "server-only";
import { and, count, desc, eq, exists, inArray, lte, sql, type Placeholder, type SQL } from "drizzle-orm";
import { db } from "@/lib/db";
import { categories, pieces, staffProfiles } from "@/db/schema";
import { assessmentVectors, pieceAssessments } from "@/db/schema-risk";
import type { ArchiveFilters } from "@/lib/risk/filters";
import type { AccessProof, Visibility } from "@/lib/access/rule";
import { isSlug, slugify } from "@/lib/publishing/slug";
import { renderMarkdown } from "./markdown";

/**
 * Piece queries. Every query here selects explicit columns; the full analysis
 * leaves the database only through `readAnalysis`, which needs an AccessProof.
 */
export interface SourceReport {
  outlet: string;
  tagline: string | null;
  category: string | null;
  headline: string;
  body: string | null;
  publishedAt: Date | null;
  url: string | null;
}

export interface PieceTeaser {
  id: string;
  slug: string;
  category: string;
  categorySlug: string;
  headline: string;
  teaser: string;
  ctaPitch: string;
  ctaButton: string;
  visibility: Visibility;
  publishedAt: Date;
  updatedAt: Date;
  authorName: string | null;
  /** The author's page, when the author has a staff profile. */
  authorSlug: string | null;
  source: SourceReport | null;
}

export const teaserColumns = {
  id: pieces.id,
  slug: pieces.slug,
  category: pieces.category,
  headline: pieces.headline,
  teaser: pieces.teaser,
  ctaPitch: pieces.ctaPitch,
  ctaButton: pieces.ctaButton,
  visibility: pieces.visibility,
  publishAt: pieces.publishAt,
  updatedAt: pieces.updatedAt,
  authorName: pieces.authorName,
  sourceOutlet: pieces.sourceOutlet,
  sourceTagline: pieces.sourceTagline,
  sourceCategory: pieces.sourceCategory,
  sourceHeadline: pieces.sourceHeadline,
  sourceBody: pieces.sourceBody,
  sourcePublishedAt: pieces.sourcePublishedAt,
  sourceUrl: pieces.sourceUrl,
};

type TeaserRow = {
  [K in keyof typeof teaserColumns]: (typeof teaserColumns)[K]["_"]["notNull"] extends true
    ? (typeof teaserColumns)[K]["_"]["data"]
    : (typeof teaserColumns)[K]["_"]["data"] | null;
};

/** The byline: the author's profile (name and page), else the name a piece was imported with. */
export const bylineColumns = { profileName: staffProfiles.displayName, authorSlug: staffProfiles.slug };
type BylineRow = { profileName: string | null; authorSlug: string | null };

export function toTeaser(row: TeaserRow & BylineRow): PieceTeaser {
  return {
    id: row.id,
    slug: row.slug,
    category: row.category,
    categorySlug: slugify(row.category),
    headline: row.headline,
    teaser: row.teaser,
    ctaPitch: row.ctaPitch,
    ctaButton: row.ctaButton,
    visibility: row.visibility,
    publishedAt: row.publishAt ?? row.updatedAt,
    updatedAt: row.updatedAt,
    authorName: row.profileName ?? row.authorName,
    authorSlug: row.authorSlug,
    source:
      row.sourceOutlet && row.sourceHeadline
        ? {
            outlet: row.sourceOutlet,
            tagline: row.sourceTagline,
            category: row.sourceCategory,
            headline: row.sourceHeadline,
            body: row.sourceBody,
            publishedAt: row.sourcePublishedAt,
            url: row.sourceUrl,
          }
        : null,
  };
}

export const isPublished = (now: Date | Placeholder) => and(eq(pieces.status, "published"), lte(pieces.publishAt, now));

export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

export async function listPublished(opts: {
  page: number;
  pageSize: number;
  categorySlug?: string;
  /** Only the pieces this staff member signed (their author page). */
  authorId?: string;
  /** Archive filters: only the public hook of the assessment (its level and vector slugs). */
  filters?: ArchiveFilters;
  now?: Date;
}): Promise<Page<PieceTeaser>> {
  const now = opts.now ?? new Date();
  let where = and(isPublished(now), ...hookFilters(opts.filters ?? {}));
  if (opts.authorId !== undefined) where = and(where, eq(pieces.authorId, opts.authorId));
  if (opts.categorySlug !== undefined) {
    const names = (await listCategories(now)).filter((c) => c.slug === opts.categorySlug).map((c) => c.name);
    if (names.length === 0) return { items: [], page: opts.page, pageCount: 1, total: 0 };
    where = and(where, inArray(pieces.category, names));
  }
  const d = await db();
  const [totalRow] = await d.select({ n: count() }).from(pieces).where(where);
  const total = totalRow?.n ?? 0;
  const rows = await d
    .select({ ...teaserColumns, ...bylineColumns })
    .from(pieces)
    .leftJoin(staffProfiles, eq(staffProfiles.userId, pieces.authorId))
    .where(where)
    .orderBy(desc(pieces.publishAt), desc(pieces.id))
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize);
  return {
    items: rows.map(toTeaser),
    page: opts.page,
    pageCount: Math.max(1, Math.ceil(total / opts.pageSize)),
    total,
  };
}

function hookFilters(f: ArchiveFilters): SQL[] {
  const out: SQL[] = [];
  if (f.level) out.push(exists(sql`(select 1 from ${pieceAssessments} where ${pieceAssessments.pieceId} = ${pieces.id} and ${pieceAssessments.level} = ${f.level})`));
  if (f.vector) out.push(exists(sql`(select 1 from ${assessmentVectors} where ${assessmentVectors.pieceId} = ${pieces.id} and ${assessmentVectors.vector} = ${f.vector})`));
  return out;
}

export async function findPublishedBySlug(slug: string, now = new Date()): Promise<PieceTeaser | null> {
  if (!isSlug(slug)) return null;
  const d = await db();
  const [row] = await d
    .select({ ...teaserColumns, ...bylineColumns })
    .from(pieces)
    .leftJoin(staffProfiles, eq(staffProfiles.userId, pieces.authorId))
    .where(and(isPublished(now), eq(pieces.slug, slug)))
    .limit(1);
  return row ? toTeaser(row) : null;
}

/** The gated paragraphs, sanitized HTML as stored at save (lib/pieces/analysis-html.ts). Only with the access rule's proof. */
export async function readAnalysisHtml(proof: AccessProof): Promise<string> {
  const d = await db();
  const [row] = await d
    .select({ html: pieces.analysisHtml, analysis: pieces.analysis })
    .from(pieces)
    .where(eq(pieces.id, proof.pieceId))
    .limit(1);
  if (!row) throw new Error(`piece ${proof.pieceId} vanished`);
  // A row saved before the column and not yet backfilled: render as before.
  return row.html ?? renderMarkdown(row.analysis);
}

/** The gated paragraphs. Only callable with the proof the access rule hands out. */
export async function readAnalysis(proof: AccessProof): Promise<string> {
  const d = await db();
  const [row] = await d.select({ analysis: pieces.analysis }).from(pieces).where(eq(pieces.id, proof.pieceId)).limit(1);
  if (!row) throw new Error(`piece ${proof.pieceId} vanished`);
  return row.analysis;
}

export interface CategorySummary {
  name: string;
  slug: string;
  description: string;
  count: number;
}

/** The managed categories that have a published piece: the site's sections. */
export async function listCategories(now = new Date()): Promise<CategorySummary[]> {
  const d = await db();
  const rows = await d
    .select({ name: categories.name, slug: categories.slug, description: categories.description, n: count() })
    .from(pieces)
    .innerJoin(categories, eq(categories.name, pieces.category))
    .where(isPublished(now))
    .groupBy(categories.id)
    .orderBy(categories.name);
  return rows.map((r) => ({ name: r.name, slug: r.slug, description: r.description, count: r.n }));
}

/** A category by its slug in any letter case ("Markets" finds "markets"); null when none is published. */
export async function findCategory(slug: string, now = new Date()): Promise<CategorySummary | null> {
  const wanted = slug.toLowerCase();
  return (await listCategories(now)).find((c) => c.slug === wanted) ?? null;
}

/** The latest published pieces other than `exceptSlug`: the "more analysis" at the end of a piece. */
export async function latestPiecesExcept(exceptSlug: string | null, limit: number, now = new Date()): Promise<PieceTeaser[]> {
  const { items } = await listPublished({ page: 1, pageSize: limit + 1, now });
  return items.filter((p) => p.slug !== exceptSlug).slice(0, limit);
}

/** Every published slug with its last change, for the sitemap. */
export async function listPublishedSlugs(now = new Date()): Promise<{ slug: string; updatedAt: Date }[]> {
  const d = await db();
  return d
    .select({ slug: pieces.slug, updatedAt: pieces.updatedAt })
    .from(pieces)
    .where(isPublished(now))
    .orderBy(desc(pieces.publishAt));
}
