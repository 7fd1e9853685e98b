"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/auth/guards";
import { demoteToReader, promoteToEditor } from "@/lib/staff/staff";
import { orForbidden, type FormState } from "@/lib/staff/request";
import { config } from "@/lib/env";

const text = (v: FormDataEntryValue | null): unknown => (typeof v === "string" ? v : "");

/** Admins only: the guard runs here, and again in lib/admin/staff. */
export async function promoteAction(_prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireAdmin("/admin/staff");
  const result = await orForbidden(promoteToEditor(admin, { email: text(form.get("email")) }));
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath("/admin/staff");
  return { ok: true, message: result.message };
}

export async function demoteAction(_prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireAdmin("/admin/staff");
  const userId = text(form.get("userId"));
  const result = await orForbidden(demoteToReader(admin, { userId }, config().adminEmails));
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath("/admin/staff");
  // The row (and its button) leaves the staff list, so the page itself says what happened.
  redirect(`/admin/staff?demoted=${encodeURIComponent(String(userId))}`);
}
