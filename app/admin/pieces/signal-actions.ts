"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { changeSignalStatus, SignalStatusForm } from "@/lib/risk/signal-status";

/** After publication: a signal's new status with its note (no republishing). Staff only; lib/risk checks the role again and audits. */
export const changeSignalStatusAction = formAction(
  { guard: "staff", from: "/admin/pieces", input: SignalStatusForm },
  async (input, { viewer }) => {
    const result = await changeSignalStatus(viewer, input);
    if (!result.ok) return { ok: false, error: result.error };
    revalidatePath(`/admin/pieces/${result.pieceId}`);
    return { ok: true, message: result.message };
  },
);
