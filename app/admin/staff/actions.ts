"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/action";
import { EmailAddress } from "@/lib/auth/email";
import { config } from "@/lib/env";
import { demoteToReader, promoteToEditor } from "@/lib/staff/staff";
import { DefaultMailAudienceInput, RetentionOfferInput, setDefaultMailAudience, setRetentionOffer } from "@/lib/staff/settings";
import { couponExists } from "@/lib/billing/retention";

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

/** Admins only: who a new piece is mailed to unless the editor chooses otherwise (audited by lib/staff/settings). */
export const defaultAudienceAction = formAction({ guard: "admin", from: "/admin/staff", input: DefaultMailAudienceInput }, async ({ audience }, { viewer }) => {
  await setDefaultMailAudience(viewer, audience);
  revalidatePath("/admin/staff");
  return { ok: true, message: "Saved. New pieces start with this choice in the publish confirmation." };
});

/** Admins only: the coupon offered to a reader who cancels (checked with Stripe, audited by lib/staff/settings). */
export const retentionOfferAction = formAction({ guard: "admin", from: "/admin/staff", input: RetentionOfferInput }, async (offer, { viewer }) => {
  const result = await setRetentionOffer(viewer, offer, couponExists);
  if (!result.ok) return result;
  revalidatePath("/admin/staff");
  return { ok: true, message: offer ? "Saved. Readers who cancel are offered it once." : "Saved. Readers who cancel get no offer." };
});
