"use server";

import { z } from "zod";
import { formAction, submitAction } from "@/lib/actions/action";
import type { AutosaveState } from "@/lib/actions/form-state";
import { pieceFormFromData } from "@/lib/publishing/input";
import type { SaveResult } from "@/lib/publishing/editor";
import { autosaveDraft } from "@/lib/revisions/autosave";
import { restoreRevision } from "@/lib/revisions/restore";

const unknownPiece = { error: "This piece cannot be autosaved." };
const AutosaveForm = z.object({ id: z.uuid(unknownPiece), version: z.string(unknownPiece).max(40, unknownPiece) });

/** The editor's autosave, a few seconds after the last change (lib/revisions/autosave). */
export const autosaveAction = formAction({ guard: "staff", from: "/admin/pieces", input: AutosaveForm }, async ({ id, version }, { viewer, form }): Promise<AutosaveState> => {
  const submitted = pieceFormFromData(form);
  if (!submitted.ok) return { ok: false, error: submitted.errors.body };
  const r = await autosaveDraft(viewer, id, version, submitted.input);
  return r.ok ? { ok: true, message: r.message, version: r.version, kept: r.kept } : { ok: false, error: r.error };
});

/** Restore, from a revision's page after its confirmation (lib/revisions/restore). */
export const restoreRevisionAction = submitAction(
  {
    guard: "staff",
    from: "/admin/pieces",
    input: z.object({ pieceId: z.uuid(), revisionId: z.uuid() }),
    invalid: "/admin/pieces",
    redirectTo: ({ pieceId, revisionId }, r: SaveResult) => (r.ok ? `/admin/pieces/${pieceId}?saved=restore` : `/admin/pieces/${pieceId}/history/${revisionId}?refused=1`),
  },
  async ({ pieceId, revisionId }, { viewer }) => restoreRevision(viewer, pieceId, revisionId),
);
