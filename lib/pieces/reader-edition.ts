import "server-only";
import { and, eq, sql, type Placeholder } from "drizzle-orm";
import { z } from "zod";
import { pieces } from "@/db/schema";
import { decideAccess, viewerCategory, type Viewer } from "@/lib/access/rule";
import { currentPolicy } from "@/lib/access/policy";
import { sessionViewerStatement } from "@/lib/auth/viewer-facts";
import { db } from "@/lib/db";
import { followKeysSql } from "@/lib/risk/follows";
import { gatedEditionOf } from "./gated-cache";
import { isPublished } from "./queries";
import type { ReaderEditionWire } from "./reader-edition-wire";

/** What the island's answer needs of the piece and its reader, read together in one statement. */
const EditionFacts = z.object({
  piece: z.object({ id: z.string(), visibility: z.enum(["public", "members", "paid"]), updatedAt: z.coerce.date() }).nullable(),
  followed: z.array(z.string()),
});
type EditionFacts = z.infer<typeof EditionFacts>;

const parseJson = (v: unknown): unknown => (typeof v === "string" ? (JSON.parse(v) as unknown) : v);

/** The published piece's facts by slug, as one JSON expression (null when no such piece is published). */
function pieceFactsSql(slug: string | Placeholder, now: Date | Placeholder) {
  return sql<unknown>`(select json_build_object('id', ${pieces.id}, 'visibility', ${pieces.visibility}, 'updatedAt', ${pieces.updatedAt})
    from ${pieces} where ${and(isPublished(now), eq(pieces.slug, slug))} limit 1)`;
}

/** A session's reader, the piece (by the placeholder `slug`) and what the reader follows, in one prepared statement. */
const editionForSession = sessionViewerStatement("reader_edition", (userId) => ({
  piece: pieceFactsSql(sql.placeholder("slug"), sql.placeholder("now")),
  followed: followKeysSql(sql`${userId}`),
}));

/**
 * The viewer's part of a piece page, for the cached page's island: the analysis and the whole
 * assessment only when the access rule allows them. Null when no such piece is published.
 * An anonymous viewer gets only the category: the cached page is already theirs, so no query runs.
 */
export async function readerEdition(slug: string, viewer: Viewer, now = new Date()): Promise<ReaderEditionWire | null> {
  if (viewer.kind === "anonymous") return { category: viewerCategory(viewer, currentPolicy()) };
  const [row] = await (await db())
    .select({ piece: pieceFactsSql(slug, now), followed: followKeysSql(sql`${viewer.userId}`) })
    .from(sql`(select 1) as one`);
  return finish(viewer, EditionFacts.parse({ piece: parseJson(row?.piece), followed: parseJson(row?.followed) }));
}

/**
 * The same for the reader behind a session cookie's token: the session, the reader's entitlement
 * facts, the piece and what the reader follows in one round trip (lib/auth/viewer-facts.ts).
 */
export async function readerEditionForSession(slug: string, token: string | undefined, now = new Date()): Promise<ReaderEditionWire | null> {
  if (!token) return readerEdition(slug, { kind: "anonymous" }, now);
  const { viewer, extra } = await editionForSession(token, now, { slug });
  if (viewer.kind === "anonymous" || !extra) return readerEdition(slug, viewer, now);
  return finish(viewer, EditionFacts.parse(extra));
}

async function finish(viewer: Viewer, facts: EditionFacts): Promise<ReaderEditionWire | null> {
  const policy = currentPolicy();
  const category = viewerCategory(viewer, policy);
  const { piece } = facts;
  if (!piece) return null;
  const decision = decideAccess(viewer, piece, policy);
  const edition = { followed: facts.followed };
  if (!decision.allowed) return { category, edition: { ...edition, body: { kind: "paywall", reason: decision.reason }, assessment: null } };
  const gated = await gatedEditionOf(decision.proof, piece.updatedAt);
  return { category, edition: { ...edition, body: { kind: "full", analysisHtml: gated.analysisHtml }, assessment: gated.assessment } };
}
