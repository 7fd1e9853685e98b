import Stripe from "stripe";
import { z } from "zod";
import { LOOKUP_KEYS } from "@/lib/billing/plans";
import { GIFT_MONTHS, giftAmount, giftLabel, giftLookupKey } from "@/lib/gifts/catalog";
import { ensurePortalConfiguration } from "@/lib/billing/portal-configuration";

/**
 * Creates the ESM Insight product and its monthly and yearly prices in the Stripe account
 * of STRIPE_SECRET_KEY, idempotently by lookup key, and the billing portal's configuration (found again
 * by its metadata and updated), and prints their ids.
 */
const env = z
  .object({
    STRIPE_SECRET_KEY: z.string().startsWith("sk_", "STRIPE_SECRET_KEY must be a Stripe secret key (sk_test_… or sk_live_…)"),
    PRICE_MONTHLY_CENTS: z.coerce.number().int().positive().default(800),
    PRICE_YEARLY_CENTS: z.coerce.number().int().positive().default(8000),
    PRICE_CURRENCY: z.string().length(3).default("usd"),
    STRIPE_HOST: z.string().optional(),
    STRIPE_PORT: z.coerce.number().int().optional(),
    APP_URL: z.url().default("http://localhost:3000"),
  })
  .parse(process.env);

const stripe = env.STRIPE_HOST
  ? new Stripe(env.STRIPE_SECRET_KEY, { host: env.STRIPE_HOST, port: env.STRIPE_PORT, protocol: "http" })
  : new Stripe(env.STRIPE_SECRET_KEY);

const wanted = [
  { interval: "month" as const, lookup: LOOKUP_KEYS.month, amount: env.PRICE_MONTHLY_CENTS, nickname: "Monthly" },
  { interval: "year" as const, lookup: LOOKUP_KEYS.year, amount: env.PRICE_YEARLY_CENTS, nickname: "Yearly" },
];

const existing = await stripe.prices.list({ lookup_keys: wanted.map((w) => w.lookup), active: true, limit: 10 });
let productId = existing.data.map((p) => (typeof p.product === "string" ? p.product : p.product.id))[0];
if (!productId) {
  const product = await stripe.products.create({ name: "ESM Insight subscription" }, { idempotencyKey: "esm-insight-product-v1" });
  productId = product.id;
}
const priceIds: string[] = [];
for (const w of wanted) {
  const found = existing.data.find((p) => p.lookup_key === w.lookup);
  const price =
    found ??
    (await stripe.prices.create(
      { product: productId, unit_amount: w.amount, currency: env.PRICE_CURRENCY, recurring: { interval: w.interval }, lookup_key: w.lookup, nickname: w.nickname },
      { idempotencyKey: `esm-insight-price-${w.lookup}-v1` },
    ));
  priceIds.push(price.id);
  console.log(`${found ? "exists " : "created"} ${w.nickname.padEnd(8)} ${price.id}  (lookup key ${w.lookup})`);
  console.log(`  STRIPE_PRICE_${w.interval === "month" ? "MONTHLY" : "YEARLY"}=${price.id}`);
}

// Gifts (/gift): one-time prices of 1, 3, 6 and 12 months at the monthly price, found by lookup key.
const gifts = await stripe.prices.list({ lookup_keys: GIFT_MONTHS.map(giftLookupKey), active: true, limit: 10 });
for (const months of GIFT_MONTHS) {
  const lookup = giftLookupKey(months);
  const found = gifts.data.find((p) => p.lookup_key === lookup);
  const price =
    found ??
    (await stripe.prices.create(
      { product: productId, unit_amount: giftAmount(env.PRICE_MONTHLY_CENTS, months), currency: env.PRICE_CURRENCY, lookup_key: lookup, nickname: `Gift subscription, ${giftLabel(months)}` },
      { idempotencyKey: `esm-insight-price-${lookup}-v1` },
    ));
  console.log(`${found ? "exists " : "created"} Gift ${giftLabel(months).padEnd(8)} ${price.id}  (lookup key ${lookup})`);
}

const portal = await ensurePortalConfiguration(stripe, { productId, priceIds }, env.APP_URL.replace(/\/$/, ""));
console.log(`${portal.created ? "created" : "updated"} billing portal configuration ${portal.id}`);
console.log(`  STRIPE_PORTAL_CONFIGURATION=${portal.id}`);
