import "server-only";
import { eq } from "drizzle-orm";
import { pieces } from "@/db/schema";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/access/rule";
import { savePiece, type SaveIntent, type SaveResult } from "@/lib/publishing/editor";
import { readRevision } from "./history";

const INTENT = { draft: "draft", scheduled: "schedule", published: "publish" } as const satisfies Record<string, SaveIntent>;

/**
 * Puts a revision's fields back on its piece as a new save through the editor's own save path
 * (validation, sanitizing, invalidating a published piece's pages), recorded as a `restore`
 * revision and audited as `piece.restore`. The piece keeps its status, publish time and assessment.
 */
export async function restoreRevision(viewer: Viewer, pieceId: string, revisionId: string, now = new Date()): Promise<SaveResult> {
  const revision = await readRevision(viewer, pieceId, revisionId);
  if (!revision) return { ok: false, errors: { form: "That revision no longer exists." } };
  const [piece] = await (await db()).select({ status: pieces.status, publishAt: pieces.publishAt }).from(pieces).where(eq(pieces.id, revision.pieceId));
  if (!piece) return { ok: false, errors: { form: "This piece no longer exists." } };
  const input = { ...revision.fields, mailAudience: "", publishAt: piece.publishAt ? piece.publishAt.toISOString() : "" };
  return savePiece(viewer, revision.pieceId, input, INTENT[piece.status], now, { revision: "restore", keepAssessment: true, auditAction: "piece.restore" });
}
