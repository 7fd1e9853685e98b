/**
 * The stand-in's stored records (internal shape, not the API shape — see serialize.ts).
 * Defined as zod schemas so a state file read from disk is validated, not trusted.
 */
import { z } from "zod";
import type { JsonObject } from "./json";

const metadata = z.record(z.string(), z.string());
const jsonObject = z.custom<JsonObject>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  "expected a JSON object",
);

export const customerSchema = z.object({
  id: z.string(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  phone: z.string().nullable(),
  metadata,
  created: z.number(),
  deleted: z.boolean(),
  /** The billing address's country (ISO 3166-1 alpha-2), when Checkout collected one. */
  address_country: z.string().nullable().optional(),
});
export type CustomerRecord = z.infer<typeof customerSchema>;

export const productSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
  metadata,
  created: z.number(),
});
export type ProductRecord = z.infer<typeof productSchema>;

export const intervalSchema = z.enum(["day", "week", "month", "year"]);
export type Interval = z.infer<typeof intervalSchema>;

export const priceSchema = z.object({
  id: z.string(),
  product: z.string(),
  unit_amount: z.number().int(),
  currency: z.string(),
  interval: intervalSchema.nullable(),
  interval_count: z.number().int().min(1),
  lookup_key: z.string().nullable(),
  nickname: z.string().nullable(),
  active: z.boolean(),
  metadata,
  created: z.number(),
});
export type PriceRecord = z.infer<typeof priceSchema>;

export const lineItemSchema = z.object({ price: z.string(), quantity: z.number().int().min(1) });

/** Stripe Tax and address collection on a Checkout session (defaults keep older state files readable). */
const checkoutTaxFields = {
  automatic_tax: z.boolean().default(false),
  billing_address_collection: z.enum(["auto", "required"]).nullable().default(null),
  tax_id_collection: z.boolean().default(false),
  customer_update_address: z.boolean().default(false),
  invoice_creation: z.boolean().default(false),
  billing_country: z.string().nullable().default(null),
  tax_id: z.string().nullable().default(null),
  amount_tax: z.number().int().default(0),
  invoice: z.string().nullable().default(null),
};

export const checkoutSessionSchema = z.object({
  id: z.string(),
  mode: z.enum(["subscription", "payment"]),
  customer: z.string().nullable(),
  customer_email: z.string().nullable(),
  line_items: z.array(lineItemSchema),
  success_url: z.string(),
  cancel_url: z.string().nullable(),
  client_reference_id: z.string().nullable(),
  allow_promotion_codes: z.boolean().nullable(),
  trial_period_days: z.number().int().nullable(),
  subscription_metadata: metadata,
  metadata,
  status: z.enum(["open", "complete", "expired"]),
  payment_status: z.enum(["unpaid", "paid", "no_payment_required"]),
  subscription: z.string().nullable(),
  created: z.number(),
  expires_at: z.number(),
  ...checkoutTaxFields,
});
export type CheckoutSessionRecord = z.infer<typeof checkoutSessionSchema>;

export const subscriptionStatusSchema = z.enum([
  "incomplete",
  "incomplete_expired",
  "trialing",
  "active",
  "past_due",
  "canceled",
  "unpaid",
  "paused",
]);
export type SubscriptionStatus = z.infer<typeof subscriptionStatusSchema>;

export const subscriptionItemSchema = z.object({
  id: z.string(),
  price: z.string(),
  quantity: z.number().int().min(1),
  created: z.number(),
});
export type SubscriptionItemRecord = z.infer<typeof subscriptionItemSchema>;

/** A coupon applied to a subscription; `end` null runs forever. */
export const discountSchema = z.object({ id: z.string(), coupon: z.string(), start: z.number(), end: z.number().nullable() });
export type DiscountRecord = z.infer<typeof discountSchema>;

export const couponSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  percent_off: z.number().nullable(),
  amount_off: z.number().int().nullable(),
  currency: z.string().nullable(),
  duration: z.enum(["once", "repeating", "forever"]),
  duration_in_months: z.number().int().nullable(),
  metadata,
  created: z.number(),
});
export type CouponRecord = z.infer<typeof couponSchema>;

export const CANCELLATION_FEEDBACK = [
  "customer_service",
  "low_quality",
  "missing_features",
  "other",
  "switched_service",
  "too_complex",
  "too_expensive",
  "unused",
] as const;
export type CancellationFeedback = (typeof CANCELLATION_FEEDBACK)[number];
const cancellationDetailsSchema = z.object({ feedback: z.enum(CANCELLATION_FEEDBACK).nullable(), comment: z.string().nullable() });

export const subscriptionSchema = z.object({
  id: z.string(),
  customer: z.string(),
  status: subscriptionStatusSchema,
  items: z.array(subscriptionItemSchema),
  cancel_at_period_end: z.boolean(),
  cancel_at: z.number().nullable(),
  canceled_at: z.number().nullable(),
  ended_at: z.number().nullable(),
  trial_start: z.number().nullable(),
  trial_end: z.number().nullable(),
  created: z.number(),
  start_date: z.number(),
  current_period_start: z.number(),
  current_period_end: z.number(),
  latest_invoice: z.string().nullable(),
  metadata,
  discounts: z.array(discountSchema).default([]),
  cancellation_details: cancellationDetailsSchema.default({ feedback: null, comment: null }),
  automatic_tax: z.boolean().optional(),
});
export type SubscriptionRecord = z.infer<typeof subscriptionSchema>;

export const invoiceSchema = z.object({
  id: z.string(),
  customer: z.string(),
  subscription: z.string().nullable(),
  status: z.enum(["draft", "open", "paid", "uncollectible", "void"]),
  amount_due: z.number().int(),
  amount_paid: z.number().int(),
  currency: z.string(),
  billing_reason: z.string(),
  price: z.string().nullable(),
  period_start: z.number(),
  period_end: z.number(),
  created: z.number(),
  /** Tax included in amount_due (the stand-in's rule: standins/stripe/tax.ts). */
  tax: z.number().int().optional(),
  description: z.string().nullable().optional(),
});
export type InvoiceRecord = z.infer<typeof invoiceSchema>;

export const portalSessionSchema = z.object({
  id: z.string(),
  customer: z.string(),
  return_url: z.string().nullable(),
  created: z.number(),
  configuration: z.string().nullable().default(null),
});
export type PortalSessionRecord = z.infer<typeof portalSessionSchema>;

/** A billing portal configuration; `features` is kept in Stripe's JSON shape (api-portal-configurations.ts). */
export const portalConfigurationSchema = z.object({
  id: z.string(),
  active: z.boolean(),
  is_default: z.boolean(),
  default_return_url: z.string().nullable(),
  features: jsonObject,
  metadata,
  created: z.number(),
  updated: z.number(),
});
export type PortalConfigurationRecord = z.infer<typeof portalConfigurationSchema>;

export const deliveryStatusSchema = z.enum(["pending", "delivered", "failed", "not_configured"]);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const deliverySchema = z.object({
  status: deliveryStatusSchema,
  attempts: z.number().int(),
  last_status_code: z.number().int().nullable(),
  last_error: z.string().nullable(),
  delivered_at: z.number().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;

/** One event the stand-in created, with its webhook delivery status. */
export const eventRecordSchema = z.object({
  id: z.string(),
  type: z.string(),
  created: z.number(),
  customer: z.string().nullable(),
  event: jsonObject,
  delivery: deliverySchema,
});
export type StripeEventRecord = z.infer<typeof eventRecordSchema>;

export const stateFileSchema = z.object({
  version: z.literal(1),
  clock_offset: z.number(),
  customers: z.array(customerSchema),
  products: z.array(productSchema),
  prices: z.array(priceSchema),
  checkout_sessions: z.array(checkoutSessionSchema),
  subscriptions: z.array(subscriptionSchema),
  invoices: z.array(invoiceSchema),
  billing_portal_sessions: z.array(portalSessionSchema),
  billing_portal_configurations: z.array(portalConfigurationSchema).default([]),
  coupons: z.array(couponSchema).default([]),
  events: z.array(eventRecordSchema),
});
export type StateFile = z.infer<typeof stateFileSchema>;
