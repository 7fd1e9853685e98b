import "server-only";
import type Stripe from "stripe";
import { config } from "@/lib/env";
import { listPlans } from "@/lib/billing/plans";
import { stripe } from "@/lib/billing/stripe";
import { GIFT_MONTHS, giftAmount, giftLabel, giftLookupKey, type GiftMonths } from "./catalog";

export interface GiftPrice {
  months: GiftMonths;
  priceId: string;
  unitAmount: number;
  currency: string;
}

/**
 * The gift prices by lookup key. Real Stripe: made by `npm run stripe:setup`. Demo mode: made in
 * the stand-in on first use, from the monthly plan's price.
 */
export async function listGiftPrices(): Promise<GiftPrice[]> {
  const s = stripe();
  const found = (await s.prices.list({ lookup_keys: GIFT_MONTHS.map(giftLookupKey), active: true, limit: 10 })).data;
  const out: GiftPrice[] = [];
  for (const months of GIFT_MONTHS) {
    let price: Stripe.Price | undefined = found.find((p) => p.lookup_key === giftLookupKey(months));
    if (!price && config().stripe.standin) price = await createDemoPrice(months);
    if (price?.unit_amount != null) out.push({ months, priceId: price.id, unitAmount: price.unit_amount, currency: price.currency });
  }
  if (out.length === 0) throw new Error("No gift prices found: run `npm run stripe:setup`.");
  return out;
}

async function createDemoPrice(months: GiftMonths): Promise<Stripe.Price> {
  const monthly = (await listPlans()).find((p) => p.interval === "month");
  if (!monthly) throw new Error("no monthly plan to price gifts from");
  return stripe().prices.create(
    {
      product_data: { name: `Gift: ${giftLabel(months)}` },
      unit_amount: giftAmount(monthly.unitAmount, months),
      currency: monthly.currency,
      lookup_key: giftLookupKey(months),
      nickname: `Gift subscription, ${giftLabel(months)}`,
    },
    { idempotencyKey: `esm-gift-price-${months}m-v1` },
  );
}
