"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/guards";
import { changeSignalStatus } from "@/lib/risk/signal-status";

export type SignalStatusState = { error?: string; message?: string };

/** After publication: a signal's new status with its note (no republishing). Staff only; audited in lib/risk. */
export async function changeSignalStatusAction(_prev: SignalStatusState, form: FormData): Promise<SignalStatusState> {
  const staff = await requireStaff("/admin/pieces");
  const result = await changeSignalStatus(
    { userId: staff.userId, email: staff.email },
    { signalId: form.get("signalId"), status: form.get("status"), note: form.get("note") },
  );
  if (!result.ok) return { error: result.error };
  revalidatePath(`/admin/pieces/${result.pieceId}`);
  return { message: result.message };
}
