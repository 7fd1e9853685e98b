"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { safeNext } from "@/lib/auth/redirect";
import { requireMember } from "@/lib/auth/guards";
import { PlanChoice, startCheckout, startPortal } from "@/lib/billing/checkout";

const CheckoutForm = z.object({ plan: PlanChoice, next: z.string().optional() });

export async function startCheckoutAction(form: FormData): Promise<void> {
  const parsed = CheckoutForm.safeParse({ plan: form.get("plan"), next: form.get("next") ?? undefined });
  if (!parsed.success) redirect("/join?error=plan");
  const next = safeNext(parsed.data.next);
  const viewer = await requireMember(`/join?next=${encodeURIComponent(next)}&plan=${parsed.data.plan}`);
  const started = await startCheckout(viewer.userId, parsed.data.plan, next);
  redirect(started.kind === "redirect" ? started.url : "/account?already=1");
}

export async function openBillingPortalAction(): Promise<void> {
  const viewer = await requireMember("/account");
  redirect(await startPortal(viewer.userId));
}
