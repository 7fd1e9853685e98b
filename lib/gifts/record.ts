import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type Stripe from "stripe";
import { z } from "zod";
import { db } from "@/lib/db";
import { gifts, type Gift } from "@/db/schema";
import { stripe } from "@/lib/billing/stripe";
import { sendMailOnceClaimed } from "@/lib/mail/once";
import { GIFT_MONTHS } from "./catalog";
import { GIFT_KIND } from "./checkout";
import { scheduleGiftDelivery } from "./delivery";
import { receiptMail } from "./mails";

const GiftMetadata = z.object({
  kind: z.literal(GIFT_KIND),
  months: z.coerce.number().refine((m) => (GIFT_MONTHS as readonly number[]).includes(m)),
  recipientEmail: z.email(),
  deliverOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  message: z.string().max(500).optional(),
  buyerUserId: z.string().optional(),
});

export const isGiftSession = (session: Pick<Stripe.Checkout.Session, "metadata">): boolean => session.metadata?.kind === GIFT_KIND;

export type RecordOutcome = { kind: "not-gift" } | { kind: "unpaid" } | { kind: "recorded"; gift: Gift; receiptSent: boolean };

/**
 * Converges one gift Checkout session from Stripe (the webhook and the thank-you page both call
 * it): one gift row per session, its delivery queued, the buyer's receipt sent once.
 */
export async function recordGiftSession(sessionId: string): Promise<RecordOutcome> {
  const session = await stripe().checkout.sessions.retrieve(sessionId);
  if (!isGiftSession(session)) return { kind: "not-gift" };
  if (session.status !== "complete" || session.payment_status !== "paid") return { kind: "unpaid" };
  const meta = GiftMetadata.parse(session.metadata);
  const buyerEmail = session.customer_details?.email ?? session.customer_email;
  if (!buyerEmail) throw new Error(`gift session ${session.id} has no buyer email`);
  const d = await db();
  await d
    .insert(gifts)
    .values({
      checkoutSessionId: session.id,
      months: meta.months,
      buyerEmail: buyerEmail.toLowerCase(),
      buyerUserId: meta.buyerUserId || null,
      recipientEmail: meta.recipientEmail.toLowerCase(),
      message: meta.message || null,
      deliverOn: meta.deliverOn,
      amountTotal: session.amount_total ?? 0,
      amountTax: session.total_details?.amount_tax ?? 0,
      currency: session.currency ?? "usd",
    })
    .onConflictDoNothing({ target: gifts.checkoutSessionId });
  const [gift] = await d.select().from(gifts).where(eq(gifts.checkoutSessionId, session.id));
  if (!gift) throw new Error(`gift for ${session.id} vanished`);
  await scheduleGiftDelivery(gift);
  const receiptSent = await sendMailOnceClaimed(
    async (tx) =>
      (
        await tx
          .update(gifts)
          .set({ receiptSentAt: new Date() })
          .where(and(eq(gifts.id, gift.id), isNull(gifts.receiptSentAt)))
          .returning({ id: gifts.id })
      ).length > 0,
    `gift-receipt/${gift.id}`,
    () => receiptMail(gift),
  );
  return { kind: "recorded", gift, receiptSent };
}

/** The webhook's part for gifts: a completed gift session is recorded; anything else is not ours. */
export async function handleGiftEvent(event: Stripe.Event): Promise<boolean> {
  if (event.type !== "checkout.session.completed" || !isGiftSession(event.data.object)) return false;
  await recordGiftSession(event.data.object.id);
  return true;
}
