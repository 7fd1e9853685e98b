/** Products and prices: creation rules, lookup-key handling and the seeded "ESM Insight" catalog. */
import { invalidParam } from "./errors";
import { newId } from "./ids";
import type { Interval, PriceRecord, ProductRecord } from "./records";
import type { StandinState } from "./state";

export const SEED_PRODUCT_NAME = "ESM Insight";
export const MONTHLY_LOOKUP_KEY = "esm_monthly";
export const YEARLY_LOOKUP_KEY = "esm_yearly";

export interface NewProduct {
  name: string;
  description?: string | null;
  active?: boolean;
  metadata?: Record<string, string>;
}

export function createProduct(state: StandinState, input: NewProduct): ProductRecord {
  const product: ProductRecord = {
    id: newId("prod"),
    name: input.name,
    description: input.description ?? null,
    active: input.active ?? true,
    metadata: input.metadata ?? {},
    created: state.now(),
  };
  state.products.set(product.id, product);
  return product;
}

export interface NewPrice {
  product: string;
  unit_amount: number;
  currency: string;
  interval: Interval | null;
  interval_count?: number;
  lookup_key?: string | null;
  transfer_lookup_key?: boolean;
  nickname?: string | null;
  active?: boolean;
  metadata?: Record<string, string>;
}

export function createPrice(state: StandinState, input: NewPrice): PriceRecord {
  state.product(input.product, "product");
  if (input.lookup_key) {
    const holder = findPriceByLookupKey(state, input.lookup_key);
    if (holder) {
      if (!input.transfer_lookup_key) {
        throw invalidParam(
          `A price (\`${holder.id}\`) already uses that lookup key. Pass transfer_lookup_key=true to move it.`,
          "lookup_key",
        );
      }
      holder.lookup_key = null;
    }
  }
  const price: PriceRecord = {
    id: newId("price"),
    product: input.product,
    unit_amount: input.unit_amount,
    currency: input.currency.toLowerCase(),
    interval: input.interval,
    interval_count: input.interval_count ?? 1,
    lookup_key: input.lookup_key ?? null,
    nickname: input.nickname ?? null,
    active: input.active ?? true,
    metadata: input.metadata ?? {},
    created: state.now(),
  };
  state.prices.set(price.id, price);
  return price;
}

export function findPriceByLookupKey(state: StandinState, lookupKey: string): PriceRecord | undefined {
  for (const price of state.prices.values()) if (price.lookup_key === lookupKey) return price;
  return undefined;
}

/** Seeds "ESM Insight" with esm_monthly (800 usd/month) and esm_yearly (8000 usd/year) when there are no prices. */
export function seedCatalog(state: StandinState): boolean {
  if (state.prices.size > 0) return false;
  const product = createProduct(state, {
    name: SEED_PRODUCT_NAME,
    description: "Paid subscription to the ESM Insight newsletter",
  });
  createPrice(state, {
    product: product.id,
    unit_amount: 800,
    currency: "usd",
    interval: "month",
    lookup_key: MONTHLY_LOOKUP_KEY,
    nickname: "Monthly",
  });
  createPrice(state, {
    product: product.id,
    unit_amount: 8000,
    currency: "usd",
    interval: "year",
    lookup_key: YEARLY_LOOKUP_KEY,
    nickname: "Yearly",
  });
  return true;
}

/**
 * The price a subscriber on `current` would switch to in the portal: an active price of the
 * same product with the other interval (month ↔ year), preferring the seeded lookup keys.
 */
export function alternatePrice(state: StandinState, current: PriceRecord): PriceRecord | undefined {
  const wanted: Interval | null = current.interval === "year" ? "month" : current.interval === "month" ? "year" : null;
  if (!wanted) return undefined;
  const candidates = [...state.prices.values()].filter(
    (p) => p.active && p.product === current.product && p.interval === wanted && p.currency === current.currency,
  );
  const preferredKey = wanted === "year" ? YEARLY_LOOKUP_KEY : MONTHLY_LOOKUP_KEY;
  return candidates.find((p) => p.lookup_key === preferredKey) ?? candidates[0];
}
