"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, objectAction, submitAction } from "@/lib/actions/action";
import { renderMarkdown } from "@/lib/pieces/markdown";
import { sendTestEmail, TestEmailError } from "@/lib/newsletter/test-email";
import { savePiece } from "@/lib/publishing/editor";
import { pieceFormFromData, VISIBILITIES } from "@/lib/publishing/input";
import { audienceForConfirmation } from "@/lib/newsletter/confirm";

const unknownAction = { error: "Unknown action." };
const SaveForm = z.object({
  intent: z.enum(["draft", "publish", "schedule", "unpublish"], unknownAction),
  id: z
    .string(unknownAction)
    .optional()
    .transform((v) => v || null)
    .pipe(z.uuid(unknownAction).nullable()),
  // The piece's version the editor read (lib/revisions/version.ts): a piece saved since is refused.
  version: z.string(unknownAction).max(40, unknownAction).optional(),
});

/** The piece's own fields are read and validated by savePiece (lib/publishing/input). */
export const savePieceAction = formAction({ guard: "staff", from: "/admin/pieces", input: SaveForm }, async ({ intent, id, version }, { viewer, form }) => {
  const submitted = pieceFormFromData(form);
  if (!submitted.ok) return submitted;
  const result = await savePiece(viewer, id, submitted.input, intent, new Date(), { expectedVersion: version || undefined });
  if (!result.ok) return result;
  redirect(`/admin/pieces/${result.id}?saved=${intent}`);
});

const PreviewInput = z.object({ teaser: z.string().max(2_000), analysis: z.string().max(30_000) });

/** Live preview: the same sanitizer the site uses. */
export const previewAction = objectAction({ guard: "staff", from: "/admin/pieces", input: PreviewInput }, async (v) => ({
  teaserHtml: renderMarkdown(v.teaser, "teaser"),
  analysisHtml: renderMarkdown(v.analysis),
}));

export const sendTestEmailAction = submitAction(
  {
    guard: "staff",
    from: "/admin/pieces",
    input: z.object({ id: z.uuid() }),
    redirectTo: ({ id }, outcome: "sent" | "refused") => `/admin/pieces/${id}?test=${outcome}`,
  },
  async ({ id }, { viewer }) => {
    try {
      await sendTestEmail(viewer, id, viewer.email);
      return "sent";
    } catch (err) {
      if (!(err instanceof TestEmailError)) throw err;
      return "refused";
    }
  },
);

/** The publish confirmation's counts (lib/newsletter/confirm). */
export const countAudienceAction = objectAction(
  { guard: "staff", from: "/admin/pieces", input: z.object({ visibility: z.enum(VISIBILITIES) }) },
  async ({ visibility }, { viewer }) => audienceForConfirmation(viewer, visibility),
);
