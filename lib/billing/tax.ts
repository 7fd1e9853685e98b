import "server-only";
import type Stripe from "stripe";
import { config } from "@/lib/env";

type TaxParams = Pick<
  Stripe.Checkout.SessionCreateParams,
  "automatic_tax" | "billing_address_collection" | "tax_id_collection" | "customer_update"
>;

/**
 * With STRIPE_AUTOMATIC_TAX on, every Checkout session asks for a billing address and an optional
 * tax id and lets Stripe Tax add the tax; an existing customer keeps the address and name given.
 */
export function checkoutTaxParams(withCustomer: boolean): TaxParams {
  if (!config().stripe.automaticTax) return {};
  return {
    automatic_tax: { enabled: true },
    billing_address_collection: "required",
    tax_id_collection: { enabled: true },
    ...(withCustomer ? { customer_update: { address: "auto", name: "auto" } } : {}),
  };
}
