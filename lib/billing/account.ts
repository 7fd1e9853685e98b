import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { subscriptions, users } from "@/db/schema";

export interface BillingSummary {
  status: string;
  interval: string | null;
  unitAmount: number | null;
  currency: string | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  trialEnd: Date | null;
  endedAt: Date | null;
}

/** The subscription the account page talks about: the newest that is not over, else the newest. */
export async function billingSummary(userId: string): Promise<BillingSummary | null> {
  const rows = await (await db())
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.userId, userId))
    .orderBy(desc(subscriptions.createdAt));
  const live = rows.find((r) => !["canceled", "incomplete_expired"].includes(r.status)) ?? rows[0];
  return live ?? null;
}

export async function customerIdOf(userId: string): Promise<string | null> {
  const [row] = await (await db()).select({ c: users.stripeCustomerId }).from(users).where(eq(users.id, userId));
  return row?.c ?? null;
}
