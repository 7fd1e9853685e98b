import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { db } from "@/lib/db";
import { pieces, staffProfiles } from "@/db/schema";
import type { AccessPolicy, Viewer } from "@/lib/access/rule";
import { mayReadSql } from "@/lib/access/sql";
import { bylineColumns, isPublished, teaserColumns, toTeaser, type Page, type PieceTeaser } from "./queries";
import { headlineOptions, highlightSegments, type Segment } from "./highlight";

/**
 * Full-text search over published pieces (PostgreSQL's tsvector; PGlite too). Everyone searches the
 * public document (headline, teaser, source report: db/schema.ts). The analysis document counts, in
 * the match, the rank and the snippet, only for a piece the access rule (its SQL form) lets this
 * viewer read: for anyone else a word found only in an analysis finds nothing, and no snippet of
 * an analysis is ever made for them.
 */
export interface SearchHit {
  piece: PieceTeaser;
  headline: Segment[];
  snippet: Segment[];
}

// The source report as one text for its snippet: headline, then body, then outlet (the public document holds the same words).
const SOURCE_TEXT = sql`concat_ws(' — ', ${pieces.sourceHeadline}, ${pieces.sourceBody}, ${pieces.sourceOutlet})`;

export async function searchPieces(opts: {
  query: string;
  page: number;
  pageSize: number;
  viewer: Viewer;
  policy: AccessPolicy;
}): Promise<Page<SearchHit>> {
  const { page, pageSize, policy } = opts;
  const empty: Page<SearchHit> = { items: [], page, pageCount: 1, total: 0 };
  if (opts.query.trim() === "") return empty;

  const tsquery = sql`websearch_to_tsquery('english', ${opts.query})`;
  const mayRead = mayReadSql(policy, pieces.visibility, opts.viewer.kind === "member" ? opts.viewer.userId : null);
  const readableAnalysis = sql`(case when ${mayRead} then ${pieces.searchAnalysis} else ''::tsvector end)`;
  const where = and(
    isPublished(policy.now),
    sql`(${pieces.searchPublic} @@ ${tsquery} or (${mayRead} and ${pieces.searchAnalysis} @@ ${tsquery}))`,
  );
  const rank = sql<number>`ts_rank(${pieces.searchPublic} || ${readableAnalysis}, ${tsquery})`;

  const d = await db();
  const [totalRow] = await d.select({ n: sql<number>`count(*)::int` }).from(pieces).where(where);
  const total = totalRow?.n ?? 0;
  if (total === 0) return empty;

  // The page's ids first, then snippets for those rows only (ts_headline re-parses the text).
  const hits = d
    .select({ id: pieces.id, rank: rank.as("rank") })
    .from(pieces)
    .where(where)
    .orderBy(desc(rank), desc(pieces.publishAt), desc(pieces.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .as("hits");
  const headlineOf = (text: SQL, highlightAll: boolean) =>
    sql<string>`ts_headline('english', ${text}, ${tsquery}, ${headlineOptions({ highlightAll })})`;
  const matches = (text: SQL) => sql`to_tsvector('english', ${text}) @@ ${tsquery}`;
  const snippet = sql<string>`(case
    when ${matches(sql`${pieces.teaser}`)} then ${headlineOf(sql`${pieces.teaser}`, false)}
    when ${matches(SOURCE_TEXT)} then ${headlineOf(SOURCE_TEXT, false)}
    when ${mayRead} and ${pieces.searchAnalysis} @@ ${tsquery} then ${headlineOf(sql`${pieces.analysis}`, false)}
    else ${headlineOf(sql`${pieces.teaser}`, false)} end)`;
  const rows = await d
    .select({ ...teaserColumns, ...bylineColumns, rank: hits.rank, headlineMarked: headlineOf(sql`${pieces.headline}`, true), snippet })
    .from(hits)
    .innerJoin(pieces, eq(pieces.id, hits.id))
    .leftJoin(staffProfiles, eq(staffProfiles.userId, pieces.authorId))
    .orderBy(desc(hits.rank), desc(pieces.publishAt), desc(pieces.id));

  return {
    items: rows.map(({ rank: _rank, headlineMarked, snippet: marked, ...row }) => ({
      piece: toTeaser(row),
      headline: highlightSegments(headlineMarked),
      snippet: highlightSegments(marked),
    })),
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    total,
  };
}
