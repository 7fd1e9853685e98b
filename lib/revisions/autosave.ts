import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { pieces } from "@/db/schema";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/access/rule";
import { authorizeStaff } from "@/lib/staff/authz";
import { fieldErrors } from "@/lib/publishing/input";
import { savePiece } from "@/lib/publishing/editor";
import { formatTime } from "@/lib/format";
import { recordRevision } from "./record";
import { RevisionFields, snapshotOf } from "./snapshot";
import { conflictMessage, versionOf } from "./version";

export type AutosaveResult =
  | { ok: true; kept: "draft" | "revision"; version: string; message: string }
  | { ok: false; error: string; conflict?: true };

const Target = z.object({ pieceId: z.uuid(), expectedVersion: z.iso.datetime() });

/**
 * The editor's autosave. A draft's fields are written to the piece, through the editor's own save
 * (validation, slug, sanitizing), as one coalesced `autosave` revision. A scheduled or published
 * piece is never changed behind its editor's back: the fields are kept as a revision only. Either
 * way a piece saved by someone else since `expectedVersion` is refused and nothing changes.
 */
export async function autosaveDraft(viewer: Viewer, pieceId: string, expectedVersion: string, raw: unknown, now = new Date()): Promise<AutosaveResult> {
  const actor = await authorizeStaff(viewer);
  const target = Target.safeParse({ pieceId, expectedVersion });
  if (!target.success) return { ok: false, error: "This piece cannot be autosaved." };
  const d = await db();
  const [piece] = await d.select({ status: pieces.status, updatedAt: pieces.updatedAt, authorId: pieces.authorId }).from(pieces).where(eq(pieces.id, target.data.pieceId));
  if (!piece) return { ok: false, error: "This piece no longer exists." };
  if (versionOf(piece.updatedAt) !== target.data.expectedVersion) return { ok: false, error: conflictMessage(piece.updatedAt), conflict: true };

  if (piece.status === "draft") {
    const r = await savePiece(viewer, target.data.pieceId, raw, "draft", now, {
      expectedVersion: target.data.expectedVersion,
      revision: "autosave",
      keepAssessment: true,
      auditAction: "piece.autosave",
    });
    if (!r.ok) {
      const message = r.errors.form ?? Object.values(r.errors)[0] ?? "Check the form.";
      return { ok: false, error: message, ...(r.conflict ? { conflict: true as const } : {}) };
    }
    return { ok: true, kept: "draft", version: r.version, message: `Saved ${formatTime(now)}` };
  }

  const parsed = RevisionFields.safeParse(raw);
  if (!parsed.success) return { ok: false, error: Object.values(fieldErrors(parsed.error))[0] ?? "Check the form." };
  const fields = snapshotOf({ ...parsed.data, authorId: parsed.data.authorId || (piece.authorId ?? "") });
  await d.transaction((tx) => recordRevision(tx, { pieceId: target.data.pieceId, authorId: actor.userId, kind: "autosave", fields, now }));
  return { ok: true, kept: "revision", version: target.data.expectedVersion, message: "Unsaved changes kept as a revision" };
}
