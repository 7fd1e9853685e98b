"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/guards";
import { renderMarkdown } from "@/lib/pieces/markdown";
import { sendTestEmail, TestEmailError } from "@/lib/newsletter/test-email";
import { savePiece, type SaveIntent } from "@/lib/publishing/editor";
import { pieceFormFromData, type FieldErrors } from "@/lib/publishing/input";

export type EditorState = { errors?: FieldErrors; message?: string };

const Intent = z.enum(["draft", "publish", "schedule", "unpublish"]);
const Id = z.uuid().nullable();

export async function savePieceAction(_prev: EditorState, form: FormData): Promise<EditorState> {
  const staff = await requireStaff("/admin/pieces");
  const intent = Intent.safeParse(form.get("intent"));
  const id = Id.safeParse(form.get("id") || null);
  if (!intent.success || !id.success) return { errors: { form: "Unknown action." } };
  const result = await savePiece({ userId: staff.userId, email: staff.email }, id.data, pieceFormFromData(form), intent.data as SaveIntent);
  if (!result.ok) return { errors: result.errors };
  redirect(`/admin/pieces/${result.id}?saved=${intent.data}`);
}

const PreviewInput = z.object({ teaser: z.string().max(2_000), analysis: z.string().max(30_000) });

/** Live preview: the same sanitizer the site uses. */
export async function previewAction(input: { teaser: string; analysis: string }): Promise<{ teaserHtml: string; analysisHtml: string }> {
  await requireStaff("/admin/pieces");
  const v = PreviewInput.parse(input);
  return { teaserHtml: renderMarkdown(v.teaser), analysisHtml: renderMarkdown(v.analysis) };
}

export async function sendTestEmailAction(form: FormData): Promise<void> {
  const staff = await requireStaff("/admin/pieces");
  const id = z.uuid().parse(form.get("id"));
  let outcome = "sent";
  try {
    await sendTestEmail(id, staff.email);
  } catch (err) {
    if (!(err instanceof TestEmailError)) throw err;
    outcome = "refused";
  }
  redirect(`/admin/pieces/${id}?test=${outcome}`);
}
