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

export const checkoutSessionSchema = z.object({
  id: z.string(),
  mode: z.literal("subscription"),
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
  /** What the canceller told (POST /v1/subscriptions/:id cancellation_details[feedback|comment]). */
  cancellation_feedback: z.string().nullish(),
  cancellation_comment: z.string().nullish(),
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
});
export type InvoiceRecord = z.infer<typeof invoiceSchema>;

export const portalSessionSchema = z.object({
  id: z.string(),
  customer: z.string(),
  return_url: z.string().nullable(),
  created: z.number(),
});
export type PortalSessionRecord = z.infer<typeof portalSessionSchema>;

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
  events: z.array(eventRecordSchema),
});
export type StateFile = z.infer<typeof stateFileSchema>;
