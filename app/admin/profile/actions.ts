"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/action";
import { saveStaffProfile } from "@/lib/staff/profiles";

/** Staff edit their own profile, admins anyone's: lib/staff/profiles checks which and writes the audit line. */
export const saveProfileAction = formAction(
  { guard: "staff", from: "/admin/profile", input: z.object({ userId: z.uuid({ error: "Unknown staff member." }) }) },
  async ({ userId }, { viewer, form }) => {
    const result = await saveStaffProfile(viewer, userId, { displayName: form.get("displayName") ?? "", bio: form.get("bio") ?? "", photoUrl: form.get("photoUrl") ?? "" });
    if (!result.ok) return result;
    revalidatePath("/admin/profile");
    return { ok: true, message: `Saved. The author page is /author/${result.slug}.` };
  },
);
