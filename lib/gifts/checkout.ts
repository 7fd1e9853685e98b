import "server-only";
import { config } from "@/lib/env";
import { stripe } from "@/lib/billing/stripe";
import { checkoutTaxParams } from "@/lib/billing/tax";
import type { GiftForm } from "./input";
import { listGiftPrices } from "./prices";

export interface GiftBuyer {
  userId: string;
  email: string;
}

export const GIFT_KIND = "gift";

/** A Checkout session (mode payment) for a gift; what the gift is travels in its metadata. */
export async function startGiftCheckout(form: GiftForm, buyer: GiftBuyer | null): Promise<string> {
  const price = (await listGiftPrices()).find((p) => p.months === form.months);
  if (!price) throw new Error(`no gift price for ${form.months} months`);
  const app = config().appUrl;
  const session = await stripe().checkout.sessions.create({
    mode: "payment",
    line_items: [{ price: price.priceId, quantity: 1 }],
    ...(buyer ? { customer_email: buyer.email } : {}),
    invoice_creation: { enabled: true },
    ...checkoutTaxParams(false),
    success_url: `${app}/gift/thanks?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${app}/gift?canceled=1`,
    metadata: {
      kind: GIFT_KIND,
      months: String(form.months),
      recipientEmail: form.recipientEmail,
      deliverOn: form.deliverOn,
      // Stripe drops empty metadata values: absent means none.
      ...(form.message ? { message: form.message } : {}),
      ...(buyer ? { buyerUserId: buyer.userId } : {}),
    },
  });
  if (!session.url) throw new Error("Stripe returned a checkout session without a URL");
  return session.url;
}
