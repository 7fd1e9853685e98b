import "server-only";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { db } from "@/lib/db";
import { subscriptions, users } from "@/db/schema";
import { sendMailOnce } from "@/lib/mail/once";
import type { OutgoingMail } from "@/lib/mail/transport";
import * as compose from "./lifecycle-compose";
import { scheduleDunning } from "./dunning";

/**
 * The lifecycle mails that follow a Stripe event, decided after the one convergent sync from
 * the synced mirror and the event's own object. Each is keyed (reader, kind, Stripe object),
 * so a retried, duplicated or reordered event never mails twice.
 */
const idOf = (v: unknown): string | null =>
  typeof v === "string" ? v : v && typeof v === "object" && "id" in v && typeof v.id === "string" ? v.id : null;

async function readerOf(customerId: string) {
  const [u] = await (await db()).select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.stripeCustomerId, customerId));
  return u ?? null;
}

async function mirrorOf(subscriptionId: string | null) {
  if (!subscriptionId) return null;
  const [row] = await (await db()).select().from(subscriptions).where(eq(subscriptions.id, subscriptionId));
  return row ?? null;
}

async function paidWelcomeOnce(reader: NonNullable<Awaited<ReturnType<typeof readerOf>>>, subscriptionId: string | null): Promise<boolean> {
  const sub = await mirrorOf(subscriptionId);
  if (!sub || (sub.status !== "active" && sub.status !== "trialing")) return false;
  return sendMailOnce({ userId: reader.id, kind: "welcome-paid", objectId: sub.id }, () => compose.paidWelcome(reader, sub));
}

/** The paid welcome from Checkout's return too: a reader who paid first had no account when the webhook came. Once either way. */
export async function sendPaidWelcome(customerId: string, subscriptionId: string): Promise<boolean> {
  const reader = await readerOf(customerId);
  return reader ? paidWelcomeOnce(reader, subscriptionId) : false;
}

/** Returns the kinds of mail this call sent (for tests and logs). */
export async function lifecycleMailsAfter(event: Stripe.Event, customerId: string): Promise<string[]> {
  const reader = await readerOf(customerId);
  if (!reader) return [];
  const sent: string[] = [];
  const once = async (kind: string, objectId: string, mail: () => Promise<OutgoingMail>) => {
    if (await sendMailOnce({ userId: reader.id, kind, objectId }, mail)) sent.push(kind);
  };
  switch (event.type) {
    case "checkout.session.completed": {
      if (await paidWelcomeOnce(reader, idOf(event.data.object.subscription))) sent.push("welcome-paid");
      break;
    }
    case "customer.subscription.trial_will_end": {
      const sub = await mirrorOf(event.data.object.id);
      const trialEnd = sub?.trialEnd;
      if (sub && trialEnd && sub.status === "trialing") await once("trial-ending", `${sub.id}@${trialEnd.getTime()}`, () => compose.trialEnding(reader, sub, trialEnd));
      break;
    }
    case "invoice.payment_action_required": {
      const invoice = event.data.object;
      const url = invoice.hosted_invoice_url;
      if (invoice.id && url && invoice.status === "open") {
        await once("payment-action", invoice.id, () => compose.paymentAction(reader, url, invoice.amount_due, invoice.currency));
      }
      break;
    }
    case "invoice.payment_failed": {
      const invoice = event.data.object;
      if (!invoice.id) break;
      const invoiceId = invoice.id;
      const sub = await mirrorOf(idOf(invoice.parent?.subscription_details?.subscription));
      await once("dunning-0", invoiceId, () => compose.dunning(reader, 0, sub?.pastDueSince ?? null));
      await scheduleDunning({ userId: reader.id, customerId, invoiceId });
      break;
    }
    case "customer.subscription.deleted": {
      const sub = await mirrorOf(event.data.object.id);
      if (sub && sub.status === "canceled") await once("subscription-ended", sub.id, () => compose.subscriptionEnded(reader));
      break;
    }
    default:
      break;
  }
  return sent;
}
