import "server-only";
import { eq, inArray, type SQL } from "drizzle-orm";
import { db } from "@/lib/db";
import { pieces } from "@/db/schema";
import { assessmentSignals, signalChanges } from "@/db/schema-risk";
import type { AccessProof, Visibility } from "@/lib/access/rule";
import type { SignalStatus } from "@/lib/risk/scale";

/**
 * One change of a signal's status, for its alert. Which piece it belongs to (and when) is not
 * gated; the signal's statement, indicator and the editor's note are, and leave the database only
 * with an access proof for that piece.
 */
export interface SignalChangeHead {
  changeId: string;
  pieceId: string;
  status: SignalStatus;
  at: Date;
  /** Which of the piece's signals changed, counted from 1 (its statement is gated). */
  signalNumber: number;
  piece: { id: string; slug: string; headline: string; category: string; visibility: Visibility; status: string };
}

export interface SignalChangeDetail {
  statement: string;
  indicator: string;
  note: string;
}

async function selectHeads(where: SQL) {
  const rows = await (await db())
    .select({
      changeId: signalChanges.id,
      status: signalChanges.status,
      at: signalChanges.at,
      position: assessmentSignals.position,
      piece: { id: pieces.id, slug: pieces.slug, headline: pieces.headline, category: pieces.category, visibility: pieces.visibility, status: pieces.status },
    })
    .from(signalChanges)
    .innerJoin(assessmentSignals, eq(assessmentSignals.id, signalChanges.signalId))
    .innerJoin(pieces, eq(pieces.id, assessmentSignals.pieceId))
    .where(where);
  return rows.map(({ position, ...r }): SignalChangeHead => ({ ...r, signalNumber: position + 1, pieceId: r.piece.id }));
}

export async function signalChangeHead(changeId: string): Promise<SignalChangeHead | null> {
  return (await selectHeads(eq(signalChanges.id, changeId)))[0] ?? null;
}

/** The heads of several changes at once (the staff's list of sends), by change id. */
export async function signalChangeHeads(changeIds: readonly string[]): Promise<Map<string, SignalChangeHead>> {
  if (changeIds.length === 0) return new Map();
  return new Map((await selectHeads(inArray(signalChanges.id, [...changeIds]))).map((h) => [h.changeId, h]));
}

/** The gated part of a change, given a proof for its piece (null for a change of another piece). */
export async function readSignalChange(proof: AccessProof, changeId: string): Promise<SignalChangeDetail | null> {
  const [row] = await (await db())
    .select({ pieceId: assessmentSignals.pieceId, statement: assessmentSignals.statement, indicator: assessmentSignals.indicator, note: signalChanges.note })
    .from(signalChanges)
    .innerJoin(assessmentSignals, eq(assessmentSignals.id, signalChanges.signalId))
    .where(eq(signalChanges.id, changeId));
  if (!row || row.pieceId !== proof.pieceId) return null;
  return { statement: row.statement, indicator: row.indicator, note: row.note };
}
