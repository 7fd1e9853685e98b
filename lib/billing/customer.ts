import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/lib/db";
import { users } from "@/db/schema";
import { stripe } from "./stripe";

/** The reader's Stripe customer, created once and stored on the user. */
export async function ensureCustomer(userId: string): Promise<string> {
  const d = await db();
  const [user] = await d.select({ email: users.email, customer: users.stripeCustomerId }).from(users).where(eq(users.id, userId));
  if (!user) throw new Error(`no user ${userId}`);
  if (user.customer) return user.customer;
  const created = await stripe().customers.create(
    { email: user.email, metadata: { userId } },
    { idempotencyKey: `customer-for-user-${userId}` },
  );
  const [stored] = await d
    .update(users)
    .set({ stripeCustomerId: created.id })
    .where(and(eq(users.id, userId), isNull(users.stripeCustomerId)))
    .returning({ customer: users.stripeCustomerId });
  if (stored?.customer) return stored.customer;
  const [again] = await d.select({ customer: users.stripeCustomerId }).from(users).where(eq(users.id, userId));
  if (!again?.customer) throw new Error(`could not store a customer for ${userId}`);
  return again.customer;
}
