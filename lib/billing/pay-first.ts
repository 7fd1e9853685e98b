import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { db } from "@/lib/db";
import { checkoutBindings, users } from "@/db/schema";
import { config } from "@/lib/env";
import { hmac, safeEqual } from "@/lib/auth/seal";
import { EmailAddress } from "@/lib/auth/email";
import { requestSignIn } from "@/lib/auth/flows";
import { startDatabaseSession, type StartedSession } from "@/lib/auth/database-session";
import { subscriptionCheckout } from "./checkout";
import { sendPaidWelcome } from "./lifecycle";
import type { PlanInterval } from "./plans";
import { stripe } from "./stripe";
import { syncCustomer } from "./sync";

/**
 * Paying before signing in. The browser that begins Checkout holds a random secret (a cookie,
 * lib/billing/pay-first-cookie.ts); only its hash is stored with the Checkout session. The return
 * from Checkout signs in that browser alone, once, and only as a new account: an address that
 * already has one confirms by email first. The URL proves nothing.
 */
export const PAY_FIRST_SECONDS = 60 * 60;

const hashOf = (browserSecret: string) => hmac(browserSecret, config().authSecret, "pay-first-browser");

export async function startPayFirstCheckout(browserSecret: string, interval: PlanInterval, next: string, now = new Date()): Promise<string> {
  const expiresAt = new Date(now.getTime() + PAY_FIRST_SECONDS * 1000);
  const session = await stripe().checkout.sessions.create({
    ...(await subscriptionCheckout(interval, next)),
    expires_at: Math.floor(expiresAt.getTime() / 1000),
    metadata: { payFirst: "true", next },
  });
  if (!session.url) throw new Error("Stripe returned a checkout session without a URL");
  await (await db()).insert(checkoutBindings).values({ checkoutSessionId: session.id, bindingHash: hashOf(browserSecret), expiresAt });
  return session.url;
}

export type PayFirstOutcome =
  | { kind: "signed-in"; userId: string; session: StartedSession }
  /** The address has an account (or is a staff address): it is mailed a sign-in link (unless over the limits); nobody is signed in here. */
  | { kind: "confirm-email"; email: string; mailed: boolean }
  | { kind: "refused" };

const REFUSED = { kind: "refused" } as const;

/** The paid, complete session as Stripe tells it: its customer and the address typed at Checkout. */
async function paidSession(checkoutSessionId: string): Promise<{ customerId: string; email: string; subscriptionId: string | null } | null> {
  const s = await stripe().checkout.sessions.retrieve(checkoutSessionId);
  if (s.mode !== "subscription" || s.status !== "complete") return null;
  if (s.payment_status !== "paid" && s.payment_status !== "no_payment_required") return null;
  const customerId = typeof s.customer === "string" ? s.customer : (s.customer?.id ?? null);
  const email = EmailAddress.safeParse(s.customer_details?.email ?? s.customer_email);
  if (!customerId || !email.success) return null;
  const subscriptionId = typeof s.subscription === "string" ? s.subscription : (s.subscription?.id ?? null);
  return { customerId, email: email.data, subscriptionId };
}

/** Where the reader goes back to, and the client address the sign-in mail limits count (lib/auth/flows.ts). */
export interface ReturnTo {
  next: string;
  client: string | null;
}

/** The return from a pay-first Checkout, in the browser holding `browserSecret` (null: no cookie came). */
export async function finishPayFirst(checkoutSessionId: string, browserSecret: string | null, back: ReturnTo, now = new Date()): Promise<PayFirstOutcome> {
  if (!browserSecret) return REFUSED;
  const d = await db();
  const [binding] = await d
    .select({ hash: checkoutBindings.bindingHash })
    .from(checkoutBindings)
    .where(and(eq(checkoutBindings.checkoutSessionId, checkoutSessionId), isNull(checkoutBindings.usedAt), gt(checkoutBindings.expiresAt, now)));
  if (!binding || !safeEqual(binding.hash, hashOf(browserSecret))) return REFUSED;
  const paid = await paidSession(checkoutSessionId);
  if (!paid) return REFUSED;
  const [claimed] = await d
    .update(checkoutBindings)
    .set({ usedAt: now })
    .where(and(eq(checkoutBindings.checkoutSessionId, checkoutSessionId), isNull(checkoutBindings.usedAt)))
    .returning({ id: checkoutBindings.checkoutSessionId });
  if (!claimed) return REFUSED;
  // A staff address is never signed in without its mail: ADMIN_EMAILS are made admin at every sign-in.
  const created = config().adminEmails.includes(paid.email)
    ? undefined
    : (await d.insert(users).values({ email: paid.email, stripeCustomerId: paid.customerId }).onConflictDoNothing().returning({ id: users.id }))[0];
  // The convergent sync attaches the subscription: to the new account, or by the customer's address to the existing one.
  await syncCustomer(paid.customerId);
  if (!created) return { kind: "confirm-email", email: paid.email, mailed: (await requestSignIn({ email: paid.email, next: back.next }, back.client)).ok };
  if (paid.subscriptionId) await sendPaidWelcome(paid.customerId, paid.subscriptionId);
  return { kind: "signed-in", userId: created.id, session: await startDatabaseSession(created.id, now) };
}
