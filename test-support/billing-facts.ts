/** Facts about subscriptions as the stand-in holds them and as the app mirrors them, in one comparable shape. */
import { asc, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { subscriptions, users } from "@/db/schema";

export interface SubscriptionFacts {
  id: string;
  status: string;
  priceId: string | null;
  interval: string | null;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: Date | null;
}

const byId = (a: SubscriptionFacts, b: SubscriptionFacts): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What Stripe (the stand-in) holds for the customer now, every status included. */
export async function stripeFacts(client: Stripe, customerId: string): Promise<SubscriptionFacts[]> {
  const out: SubscriptionFacts[] = [];
  for await (const sub of client.subscriptions.list({ customer: customerId, status: "all", limit: 100 })) {
    const item = sub.items.data[0];
    out.push({
      id: sub.id,
      status: sub.status,
      priceId: item?.price.id ?? null,
      interval: item?.price.recurring?.interval ?? null,
      cancelAtPeriodEnd: sub.cancel_at_period_end,
      currentPeriodEnd: item ? new Date(item.current_period_end * 1000) : null,
    });
  }
  return out.sort(byId);
}

/** What the app's `subscriptions` table holds for the customer. */
export async function mirrorFacts(d: Db, customerId: string): Promise<SubscriptionFacts[]> {
  const rows = await d
    .select({
      id: subscriptions.id,
      status: subscriptions.status,
      priceId: subscriptions.priceId,
      interval: subscriptions.interval,
      cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
      currentPeriodEnd: subscriptions.currentPeriodEnd,
    })
    .from(subscriptions)
    .where(eq(subscriptions.customerId, customerId))
    .orderBy(asc(subscriptions.id));
  return rows.sort(byId);
}

/** A reader row, as Auth.js would create it on first sign-in. */
export async function insertReader(d: Db, email: string, stripeCustomerId: string | null = null, id?: string): Promise<string> {
  const [row] = await d
    .insert(users)
    .values({ email, stripeCustomerId, ...(id ? { id } : {}) })
    .returning({ id: users.id });
  if (!row) throw new Error(`could not insert user ${email}`);
  return row.id;
}

export interface MirrorRow extends SubscriptionFacts {
  customerId: string;
  userId: string | null;
}

/** Deletes the customer's rows from `subscriptions` and returns them (one statement: reads and resets at once). */
export async function drainMirror(d: Db, customerId: string): Promise<MirrorRow[]> {
  const rows = await d.delete(subscriptions).where(eq(subscriptions.customerId, customerId)).returning({
    id: subscriptions.id,
    customerId: subscriptions.customerId,
    userId: subscriptions.userId,
    status: subscriptions.status,
    priceId: subscriptions.priceId,
    interval: subscriptions.interval,
    cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
    currentPeriodEnd: subscriptions.currentPeriodEnd,
  });
  return rows.sort(byId);
}
