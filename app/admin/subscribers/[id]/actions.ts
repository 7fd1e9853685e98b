"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/action";
import { grantComplimentary, GrantInput, revokeGrant } from "@/lib/staff/subscriber-detail";
import { currentPolicy } from "@/lib/staff/request";
import { formatDate } from "@/lib/site";

/** Complimentary access for one member; the lib call checks the role again and writes the audit line. */
export const grantAction = formAction({ guard: "staff", from: "/admin/subscribers", input: GrantInput }, async (input, { viewer }) => {
  const result = await grantComplimentary(viewer, input, currentPolicy());
  if (!result.ok) return result;
  revalidatePath("/admin/subscribers", "layout");
  return {
    ok: true,
    message: result.expiresAt
      ? `Complimentary access granted until ${formatDate(result.expiresAt)}.`
      : "Complimentary access granted, with no end date.",
  };
});

const unknownGrant = { error: "Unknown grant." };
const RevokeForm = z.object({ userId: z.uuid(unknownGrant), grantId: z.uuid(unknownGrant) });

export const revokeAction = formAction({ guard: "staff", from: "/admin/subscribers", input: RevokeForm }, async (input, { viewer }) => {
  const result = await revokeGrant(viewer, input, currentPolicy());
  if (!result.ok) return result;
  revalidatePath("/admin/subscribers", "layout");
  // The revoke button leaves with the active grant, so the page itself says what happened.
  redirect(`/admin/subscribers/${encodeURIComponent(input.userId)}?revoked=1`);
});
