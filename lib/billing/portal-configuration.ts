import "server-only";
import type Stripe from "stripe";
import { config } from "@/lib/env";
import { CANCELLATION_FEEDBACK } from "./cancellation-reasons";
import { stripe } from "./stripe";

/**
 * The billing portal's configuration, made from code by `npm run stripe:setup` (never by hand in
 * Stripe's dashboard): found again by this metadata mark and updated in place, so running it twice
 * changes nothing. The app opens portal sessions with it (STRIPE_PORTAL_CONFIGURATION, else the marked one).
 */
export const PORTAL_MARK = { key: "esm_insight", value: "billing-portal" } as const;

export interface PortalPlans {
  productId: string;
  priceIds: string[];
}

export function portalConfigurationParams(plans: PortalPlans, appUrl: string): Stripe.BillingPortal.ConfigurationCreateParams {
  return {
    default_return_url: `${appUrl}/account`,
    features: {
      payment_method_update: { enabled: true },
      invoice_history: { enabled: true },
      subscription_cancel: {
        enabled: true,
        mode: "at_period_end",
        proration_behavior: "none",
        cancellation_reason: { enabled: true, options: [...CANCELLATION_FEEDBACK] },
      },
      subscription_update: {
        enabled: true,
        default_allowed_updates: ["price"],
        proration_behavior: "create_prorations",
        products: [{ product: plans.productId, prices: plans.priceIds }],
      },
    },
    metadata: { [PORTAL_MARK.key]: PORTAL_MARK.value },
  };
}

async function findMarked(client: Stripe): Promise<Stripe.BillingPortal.Configuration | null> {
  for await (const c of client.billingPortal.configurations.list({ limit: 100 })) {
    if (c.metadata?.[PORTAL_MARK.key] === PORTAL_MARK.value) return c;
  }
  return null;
}

/** Creates the configuration, or updates the one made before. */
export async function ensurePortalConfiguration(client: Stripe, plans: PortalPlans, appUrl: string): Promise<{ id: string; created: boolean }> {
  const params = portalConfigurationParams(plans, appUrl);
  const found = await findMarked(client);
  if (found) {
    const { metadata, default_return_url, features } = params;
    await client.billingPortal.configurations.update(found.id, { metadata, default_return_url, features, active: true });
    return { id: found.id, created: false };
  }
  return { id: (await client.billingPortal.configurations.create(params)).id, created: true };
}

let cached: { at: number; id: string | undefined } | undefined;

/** The configuration portal sessions use; undefined (Stripe's default) when none was set up. */
export async function portalConfiguration(): Promise<string | undefined> {
  const chosen = config().stripe.portalConfiguration;
  if (chosen) return chosen;
  if (cached && Date.now() - cached.at < 5 * 60_000) return cached.id;
  const found = await findMarked(stripe());
  cached = { at: Date.now(), id: found?.active ? found.id : undefined };
  return cached.id;
}
