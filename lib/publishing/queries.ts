import "server-only";
import { and, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { db } from "@/lib/db";
import { pieces, sends, type Piece } from "@/db/schema";

export const STATUSES = ["draft", "scheduled", "published"] as const;
export type PieceStatus = (typeof STATUSES)[number];

export interface PieceRow {
  id: string;
  headline: string;
  slug: string;
  category: string;
  status: PieceStatus;
  visibility: Piece["visibility"];
  publishAt: Date | null;
  updatedAt: Date;
}

/** Staff list: every status, searchable by headline or slug. */
export async function listPiecesForStaff(opts: { status?: PieceStatus; q?: string; limit?: number }): Promise<PieceRow[]> {
  const conds: SQL[] = [];
  if (opts.status) conds.push(eq(pieces.status, opts.status));
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(pieces.headline, like), ilike(pieces.slug, like), ilike(pieces.category, like));
    if (match) conds.push(match);
  }
  return (await db())
    .select({
      id: pieces.id,
      headline: pieces.headline,
      slug: pieces.slug,
      category: pieces.category,
      status: pieces.status,
      visibility: pieces.visibility,
      publishAt: pieces.publishAt,
      updatedAt: pieces.updatedAt,
    })
    .from(pieces)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(pieces.updatedAt))
    .limit(opts.limit ?? 200);
}

/** The newsletter send of a piece, if it was mailed. */
export async function sendIdOfPiece(pieceId: string): Promise<string | null> {
  const [row] = await (await db()).select({ id: sends.id }).from(sends).where(eq(sends.pieceId, pieceId));
  return row?.id ?? null;
}
