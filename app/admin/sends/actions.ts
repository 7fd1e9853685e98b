"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { audit } from "@/lib/staff/audit";
import { requireStaff } from "@/lib/auth/guards";
import { retryFailedDeliveries } from "@/lib/newsletter/retry";

export async function retryFailedAction(form: FormData): Promise<void> {
  const staff = await requireStaff("/admin/sends");
  const sendId = z.string().min(1).max(100).parse(form.get("sendId"));
  const { requeued } = await retryFailedDeliveries(sendId);
  await audit({ userId: staff.userId, email: staff.email }, "send.retry-failed", sendId, { requeued });
  redirect(`/admin/sends/${encodeURIComponent(sendId)}?retried=${requeued}`);
}
