"use server";

import { z } from "zod";
import { submitAction } from "@/lib/actions/action";
import { safeNext } from "@/lib/auth/redirect";
import { PlanChoice, startCheckout, startPortal, type CheckoutStart } from "@/lib/billing/checkout";
import { startPayFirstCheckout } from "@/lib/billing/pay-first";
import { payFirstBrowserSecret } from "@/lib/billing/pay-first-cookie";
import { currentViewer } from "@/lib/auth/viewer";

const CheckoutForm = z.object({ plan: PlanChoice, next: z.string().optional().transform((next) => safeNext(next)) });

/** A signed-in reader's Checkout is theirs; an anonymous reader pays first and is signed in on the way back (lib/billing/pay-first.ts). */
export const startCheckoutAction = submitAction(
  {
    guard: "anyone",
    from: "/join",
    input: CheckoutForm,
    invalid: "/join?error=plan",
    redirectTo: (_input, started: CheckoutStart) => (started.kind === "redirect" ? started.url : "/account?already=1"),
  },
  async ({ plan, next }): Promise<CheckoutStart> => {
    const viewer = await currentViewer();
    if (viewer.kind === "member") return startCheckout(viewer.userId, plan, next);
    return { kind: "redirect", url: await startPayFirstCheckout(await payFirstBrowserSecret(), plan, next) };
  },
);

export const openBillingPortalAction = submitAction(
  { guard: "member", from: "/account", input: z.object({}), redirectTo: (_input, portalUrl: string) => portalUrl },
  (_input, { viewer }) => startPortal(viewer.userId),
);
