import "server-only";
import type Stripe from "stripe";
import { config } from "@/lib/env";
import { hasPaidAccess } from "@/lib/access/rule";
import { currentPolicy } from "@/lib/access/policy";
import { viewerForUser } from "@/lib/auth/viewer-facts";
import { ensureCustomer } from "./customer";
import { listPlans, PlanIntervalSchema, type PlanInterval } from "./plans";
import { portalConfiguration } from "./portal-configuration";
import { stripe } from "./stripe";
import { checkoutTaxParams } from "./tax";

export const PlanChoice = PlanIntervalSchema;

export type CheckoutStart = { kind: "redirect"; url: string } | { kind: "already-subscribed" };

/** What every subscription Checkout shares, whoever starts it: the plan, the trial, promotion codes, the ways back. */
export async function subscriptionCheckout(interval: PlanInterval, next: string): Promise<Stripe.Checkout.SessionCreateParams> {
  const cfg = config();
  const plan = (await listPlans()).find((p) => p.interval === interval);
  if (!plan) throw new Error(`no ${interval} plan configured`);
  const back = encodeURIComponent(next);
  return {
    mode: "subscription",
    line_items: [{ price: plan.priceId, quantity: 1 }],
    allow_promotion_codes: true,
    ...checkoutTaxParams(true),
    ...(cfg.stripe.trialDays > 0 ? { subscription_data: { trial_period_days: cfg.stripe.trialDays } } : {}),
    success_url: `${cfg.appUrl}/billing/success?session_id={CHECKOUT_SESSION_ID}&next=${back}`,
    cancel_url: `${cfg.appUrl}/join?next=${back}&canceled=1`,
  };
}

/** A Stripe Checkout session for the signed-in reader; a reader who already pays gets none. */
export async function startCheckout(userId: string, interval: PlanInterval, next: string): Promise<CheckoutStart> {
  const viewer = await viewerForUser(userId);
  if (hasPaidAccess(viewer, currentPolicy())) return { kind: "already-subscribed" };
  const params = await subscriptionCheckout(interval, next);
  const customer = await ensureCustomer(userId);
  const session = await stripe().checkout.sessions.create({ ...params, customer, client_reference_id: userId, metadata: { userId, next } });
  if (!session.url) throw new Error("Stripe returned a checkout session without a URL");
  return { kind: "redirect", url: session.url };
}

export async function startPortal(userId: string): Promise<string> {
  const customer = await ensureCustomer(userId);
  const configuration = await portalConfiguration();
  const session = await stripe().billingPortal.sessions.create({ customer, return_url: `${config().appUrl}/account`, ...(configuration ? { configuration } : {}) });
  return session.url;
}
