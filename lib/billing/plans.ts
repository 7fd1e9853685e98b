import "server-only";
import type Stripe from "stripe";
import { z } from "zod";
import { config } from "@/lib/env";
import { stripe } from "./stripe";

export const PlanIntervalSchema = z.enum(["month", "year"]);
export type PlanInterval = z.infer<typeof PlanIntervalSchema>;
export const LOOKUP_KEYS: Record<PlanInterval, string> = { month: "esm_monthly", year: "esm_yearly" };

export interface Plan {
  interval: PlanInterval;
  priceId: string;
  unitAmount: number;
  currency: string;
}

let cached: { at: number; plans: Plan[] } | undefined;

function toPlan(price: Stripe.Price): Plan | null {
  const interval = PlanIntervalSchema.safeParse(price.recurring?.interval);
  if (!interval.success || price.unit_amount === null) return null;
  return { interval: interval.data, priceId: price.id, unitAmount: price.unit_amount, currency: price.currency };
}

/** Monthly and yearly prices: from STRIPE_PRICE_* when set, else by lookup key (see `npm run stripe:setup`). */
export async function listPlans(): Promise<Plan[]> {
  if (cached && Date.now() - cached.at < 5 * 60_000) return cached.plans;
  const { priceMonthly, priceYearly } = config().stripe;
  const s = stripe();
  const prices =
    priceMonthly && priceYearly
      ? await Promise.all([s.prices.retrieve(priceMonthly), s.prices.retrieve(priceYearly)])
      : (await s.prices.list({ lookup_keys: Object.values(LOOKUP_KEYS), active: true, limit: 10 })).data;
  const plans = prices.map(toPlan).filter((p): p is Plan => p !== null);
  plans.sort((a, b) => (a.interval === "month" ? -1 : 1) - (b.interval === "month" ? -1 : 1));
  if (plans.length === 0) throw new Error("No subscription prices found: set STRIPE_PRICE_MONTHLY/YEARLY or run `npm run stripe:setup`.");
  cached = { at: Date.now(), plans };
  return plans;
}
