"use server";

import { z } from "zod";
import { submitAction } from "@/lib/actions/action";
import { safeNext } from "@/lib/auth/redirect";
import { PlanChoice, startCheckout, startPortal, type CheckoutStart } from "@/lib/billing/checkout";

const CheckoutForm = z.object({ plan: PlanChoice, next: z.string().optional().transform((next) => safeNext(next)) });

/** Sign-in comes back to the plans with this choice made, so the input is read before the guard. */
export const startCheckoutAction = submitAction(
  {
    guard: "member",
    from: ({ plan, next }) => `/join?next=${encodeURIComponent(next)}&plan=${plan}`,
    input: CheckoutForm,
    invalid: "/join?error=plan",
    redirectTo: (_input, started: CheckoutStart) => (started.kind === "redirect" ? started.url : "/account?already=1"),
  },
  ({ plan, next }, { viewer }) => startCheckout(viewer.userId, plan, next),
);

export const openBillingPortalAction = submitAction(
  { guard: "member", from: "/account", input: z.object({}), redirectTo: (_input, portalUrl: string) => portalUrl },
  (_input, { viewer }) => startPortal(viewer.userId),
);
