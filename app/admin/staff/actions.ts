"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/action";
import { EmailAddress } from "@/lib/auth/email";
import { config } from "@/lib/env";
import { demoteToReader, promoteToEditor } from "@/lib/staff/staff";

/** Admins only; the lib calls check the role again and write the audit line. */
export const promoteAction = formAction(
  { guard: "admin", from: "/admin/staff", input: z.object({ email: EmailAddress }) },
  async (input, { viewer }) => {
    const result = await promoteToEditor(viewer, input);
    if (!result.ok) return result;
    revalidatePath("/admin/staff");
    return { ok: true, message: result.message };
  },
);

const DemoteForm = z.object({ userId: z.uuid({ error: "Unknown staff member." }) });

export const demoteAction = formAction({ guard: "admin", from: "/admin/staff", input: DemoteForm }, async (input, { viewer }) => {
  const result = await demoteToReader(viewer, input, config().adminEmails);
  if (!result.ok) return result;
  revalidatePath("/admin/staff");
  // The row (and its button) leaves the staff list, so the page itself says what happened.
  redirect(`/admin/staff?demoted=${encodeURIComponent(input.userId)}`);
});
