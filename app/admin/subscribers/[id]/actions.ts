"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/guards";
import { grantComplimentary, revokeGrant } from "@/lib/staff/subscriber-detail";
import { currentPolicy, orForbidden, type FormState } from "@/lib/staff/request";
import { formatDate } from "@/lib/site";

const text = (v: FormDataEntryValue | null): unknown => (typeof v === "string" ? v : v === null ? "" : v);

/** Complimentary access for one member. Staff only: the guard runs here, and again in lib/admin. */
export async function grantAction(_prev: FormState, form: FormData): Promise<FormState> {
  const staff = await requireStaff("/admin/subscribers");
  const result = await orForbidden(
    grantComplimentary(
      staff,
      { userId: text(form.get("userId")), until: text(form.get("until")), note: text(form.get("note")) },
      currentPolicy(),
    ),
  );
  if (!result.ok) return { ok: false, fieldErrors: result.errors, error: result.errors.form };
  revalidatePath("/admin/subscribers", "layout");
  return {
    ok: true,
    message: result.expiresAt
      ? `Complimentary access granted until ${formatDate(result.expiresAt)}.`
      : "Complimentary access granted, with no end date.",
  };
}

export async function revokeAction(_prev: FormState, form: FormData): Promise<FormState> {
  const staff = await requireStaff("/admin/subscribers");
  const userId = text(form.get("userId"));
  const result = await orForbidden(revokeGrant(staff, { userId, grantId: text(form.get("grantId")) }, currentPolicy()));
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath("/admin/subscribers", "layout");
  // The revoke button leaves with the active grant, so the page itself says what happened.
  redirect(`/admin/subscribers/${encodeURIComponent(String(userId))}?revoked=1`);
}
