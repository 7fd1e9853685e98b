import "server-only";
import { and, desc, eq, notInArray } from "drizzle-orm";
import { pieceRevisions, type RevisionKind } from "@/db/schema";
import type { Db } from "@/db/client";
import type { Snapshot } from "./snapshot";

/** Autosaves by one author within this window update one revision instead of adding more. */
export const AUTOSAVE_WINDOW_MS = 2 * 60_000;
/** The newest revisions kept per piece; older ones are dropped as new ones come. */
export const REVISIONS_KEPT = 50;

type Executor = Pick<Db, "select" | "insert" | "update" | "delete">;

/**
 * Records a revision in the caller's transaction: an autosave right after the same author's last
 * autosave of this piece updates that one; then only the newest REVISIONS_KEPT stay.
 * Answers whether a new row was added.
 */
export async function recordRevision(
  tx: Executor,
  r: { pieceId: string; authorId: string; kind: RevisionKind; fields: Snapshot; now: Date },
): Promise<{ added: boolean; id: string }> {
  if (r.kind === "autosave") {
    const [latest] = await tx
      .select({ id: pieceRevisions.id, kind: pieceRevisions.kind, authorId: pieceRevisions.authorId, createdAt: pieceRevisions.createdAt })
      .from(pieceRevisions)
      .where(eq(pieceRevisions.pieceId, r.pieceId))
      .orderBy(desc(pieceRevisions.createdAt), desc(pieceRevisions.id))
      .limit(1);
    if (latest && latest.kind === "autosave" && latest.authorId === r.authorId && r.now.getTime() - latest.createdAt.getTime() < AUTOSAVE_WINDOW_MS) {
      await tx.update(pieceRevisions).set({ fields: r.fields }).where(eq(pieceRevisions.id, latest.id));
      return { added: false, id: latest.id };
    }
  }
  const [row] = await tx
    .insert(pieceRevisions)
    .values({ pieceId: r.pieceId, authorId: r.authorId, kind: r.kind, fields: r.fields, createdAt: r.now })
    .returning({ id: pieceRevisions.id });
  if (!row) throw new Error("revision insert returned no row");
  const kept = tx
    .select({ id: pieceRevisions.id })
    .from(pieceRevisions)
    .where(eq(pieceRevisions.pieceId, r.pieceId))
    .orderBy(desc(pieceRevisions.createdAt), desc(pieceRevisions.id))
    .limit(REVISIONS_KEPT);
  await tx.delete(pieceRevisions).where(and(eq(pieceRevisions.pieceId, r.pieceId), notInArray(pieceRevisions.id, kept)));
  return { added: true, id: row.id };
}
