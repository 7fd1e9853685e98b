import "server-only";
import { and, count, desc, eq, exists, inArray, lte, sql, type SQL } from "drizzle-orm";
import { db } from "@/lib/db";
import { pieces } from "@/db/schema";
import { assessmentVectors, pieceAssessments } from "@/db/schema-risk";
import type { ArchiveFilters } from "@/lib/risk/filters";
import type { AccessProof, Visibility } from "@/lib/access/rule";
import { isSlug, slugify } from "@/lib/publishing/slug";

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
  source: SourceReport | null;
}

const teaserColumns = {
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

function toTeaser(row: TeaserRow): PieceTeaser {
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
    authorName: row.authorName,
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

export const isPublished = (now: Date) => and(eq(pieces.status, "published"), lte(pieces.publishAt, now));

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
  /** Archive filters: only the public hook of the assessment (its level and vector slugs). */
  filters?: ArchiveFilters;
  now?: Date;
}): Promise<Page<PieceTeaser>> {
  const now = opts.now ?? new Date();
  let where = and(isPublished(now), ...hookFilters(opts.filters ?? {}));
  if (opts.categorySlug !== undefined) {
    const names = (await listCategories(now)).filter((c) => c.slug === opts.categorySlug).map((c) => c.name);
    if (names.length === 0) return { items: [], page: opts.page, pageCount: 1, total: 0 };
    where = and(where, inArray(pieces.category, names));
  }
  const d = await db();
  const [totalRow] = await d.select({ n: count() }).from(pieces).where(where);
  const total = totalRow?.n ?? 0;
  const rows = await d
    .select(teaserColumns)
    .from(pieces)
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
    .select(teaserColumns)
    .from(pieces)
    .where(and(isPublished(now), eq(pieces.slug, slug)))
    .limit(1);
  return row ? toTeaser(row) : null;
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
  count: number;
}

export async function listCategories(now = new Date()): Promise<CategorySummary[]> {
  const d = await db();
  const rows = await d
    .select({ name: pieces.category, n: count() })
    .from(pieces)
    .where(isPublished(now))
    .groupBy(pieces.category)
    .orderBy(pieces.category);
  return rows.map((r) => ({ name: r.name, slug: slugify(r.name), count: r.n }));
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
