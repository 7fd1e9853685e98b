import "server-only";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { db } from "@/lib/db";
import { stripeEvents } from "@/db/schema";
import { config } from "@/lib/env";
import { stripe } from "./stripe";
import { syncCustomer } from "./sync";
import { notifyAfterEvent } from "./notices";
import { handleGiftEvent } from "@/lib/gifts/record";

export type WebhookOutcome =
  | { status: 400; body: { error: string } }
  | { status: 200; body: { received: true; duplicate?: true; ignored?: true } };

export const HANDLED_EVENTS = new Set<string>([
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "customer.subscription.paused",
  "customer.subscription.resumed",
  "customer.subscription.trial_will_end",
  "invoice.payment_action_required",
  "invoice.paid",
  "invoice.payment_failed",
  "customer.deleted",
]);

function customerOf(event: Stripe.Event): string | null {
  const obj = event.data.object as { object?: string; id?: string; customer?: unknown };
  if (obj.object === "customer") return obj.id ?? null;
  const c = obj.customer;
  if (typeof c === "string") return c;
  if (c && typeof c === "object" && "id" in c && typeof c.id === "string") return c.id;
  return null;
}

/**
 * A webhook is only a signal: verify it, skip it if seen, converge the customer from
 * Stripe, then record it. A thrown error means 500 and Stripe's retry; nothing was recorded.
 */
export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookOutcome> {
  if (!signature) return { status: 400, body: { error: "missing Stripe-Signature header" } };
  let event: Stripe.Event;
  try {
    event = stripe().webhooks.constructEvent(rawBody, signature, config().stripe.webhookSecret);
  } catch {
    return { status: 400, body: { error: "invalid signature" } };
  }
  const d = await db();
  const [seen] = await d.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, event.id));
  if (seen) return { status: 200, body: { received: true, duplicate: true } };

  await handleGiftEvent(event);
  const customerId = HANDLED_EVENTS.has(event.type) ? customerOf(event) : null;
  if (customerId) await syncCustomer(customerId);

  const [recorded] = await d
    .insert(stripeEvents)
    .values({ id: event.id, type: event.type, customerId })
    .onConflictDoNothing()
    .returning({ id: stripeEvents.id });
  if (!recorded) return { status: 200, body: { received: true, duplicate: true } };
  if (customerId) await notifyAfterEvent(event, customerId);
  return customerId ? { status: 200, body: { received: true } } : { status: 200, body: { received: true, ignored: true } };
}
