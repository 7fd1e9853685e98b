import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type Stripe from "stripe";
import { db } from "@/lib/db";
import { subscriptions } from "@/db/schema";
import { audit, type Actor } from "@/lib/staff/audit";
import { retentionOffer, type RetentionOffer } from "@/lib/staff/settings";
import { CANCELLATION_FEEDBACK } from "./cancellation-reasons";
import { stripe } from "./stripe";
import { syncCustomer } from "./sync";

/**
 * Cancelling from /account: a reason from Stripe's list (and a comment), the admin's retention coupon
 * offered once first (if there is one), then either the coupon on the subscription or a cancellation at
 * period end carrying the reason. Only Stripe is written; the one sync mirrors what Stripe then holds.
 */
export const CancelInput = z.object({
  feedback: z.enum(CANCELLATION_FEEDBACK, { error: "Choose the reason closest to yours." }),
  comment: z
    .string()
    .trim()
    .max(1000, "Keep the comment under 1,000 characters.")
    .optional()
    .transform((c) => (c ? c : undefined)),
  choice: z.enum(["continue", "accept", "decline"]).default("continue"),
});
export type CancelRequest = z.output<typeof CancelInput>;

/** Marks, in the subscription's Stripe metadata, that the offer was made: it is made once. */
const OFFER_MARK = "esm_retention_offer";

export type CancelStep =
  | { ok: true; step: "offer"; offer: string }
  | { ok: true; step: "done"; outcome: "cancelling" | "stayed" }
  | { ok: false; error: string };

const RUNNING = ["active", "trialing", "past_due"];

/** The reader's subscription that still renews, as mirrored. */
async function renewingSubscription(userId: string): Promise<{ id: string; customerId: string } | null> {
  const [row] = await (await db())
    .select({ id: subscriptions.id, customerId: subscriptions.customerId })
    .from(subscriptions)
    .where(and(eq(subscriptions.userId, userId), inArray(subscriptions.status, RUNNING), eq(subscriptions.cancelAtPeriodEnd, false)))
    .orderBy(desc(subscriptions.createdAt))
    .limit(1);
  return row ?? null;
}

const offerFor = (sub: Stripe.Subscription, offer: RetentionOffer | null): RetentionOffer | null => (offer && !sub.metadata[OFFER_MARK] ? offer : null);

/** What the cancel page shows: whether there is anything to cancel. */
export async function mayCancel(userId: string): Promise<boolean> {
  return (await renewingSubscription(userId)) !== null;
}

export async function couponExists(couponId: string): Promise<boolean> {
  try {
    return (await stripe().coupons.retrieve(couponId)).valid;
  } catch (err) {
    if (typeof err === "object" && err !== null && "code" in err && err.code === "resource_missing") return false;
    throw err;
  }
}

export async function cancelWithReason(actor: Actor, input: CancelRequest): Promise<CancelStep> {
  const mirrored = await renewingSubscription(actor.userId);
  if (!mirrored) return { ok: false, error: "You have no subscription that renews: there is nothing to cancel." };
  const sub = await stripe().subscriptions.retrieve(mirrored.id);
  if (sub.cancel_at_period_end || !RUNNING.includes(sub.status)) {
    await syncCustomer(mirrored.customerId);
    return { ok: false, error: "This subscription is already set to end." };
  }
  const offer = offerFor(sub, await retentionOffer());
  if (input.choice === "continue" && offer) return { ok: true, step: "offer", offer: offer.description };
  if (input.choice === "accept") {
    if (!offer) return { ok: false, error: "That offer is no longer available." };
    await stripe().subscriptions.update(sub.id, { discounts: [{ coupon: offer.couponId }], metadata: { [OFFER_MARK]: "accepted" } });
    await audit(actor, "subscription.retention-accepted", sub.id, { coupon: offer.couponId, feedback: input.feedback });
    await syncCustomer(mirrored.customerId);
    return { ok: true, step: "done", outcome: "stayed" };
  }
  await stripe().subscriptions.update(sub.id, {
    cancel_at_period_end: true,
    cancellation_details: { feedback: input.feedback, ...(input.comment ? { comment: input.comment } : {}) },
    ...(offer ? { metadata: { [OFFER_MARK]: "declined" } } : {}),
  });
  await audit(actor, "subscription.cancel", sub.id, { feedback: input.feedback });
  await syncCustomer(mirrored.customerId);
  return { ok: true, step: "done", outcome: "cancelling" };
}
