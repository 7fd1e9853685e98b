import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { auditLog, users } from "@/db/schema";

/** Removes the person and everything keyed to them (sessions, grants, preferences cascade). */
export async function deleteAccount(userId: string, beforeDelete?: (stripeCustomerId: string) => Promise<void>): Promise<void> {
  const d = await db();
  const [user] = await d.select({ email: users.email, customer: users.stripeCustomerId }).from(users).where(eq(users.id, userId));
  if (!user) return;
  if (user.customer && beforeDelete) await beforeDelete(user.customer);
  await d.transaction(async (tx) => {
    await tx.delete(users).where(eq(users.id, userId));
    await tx.insert(auditLog).values({ actorId: userId, action: "account.deleted", target: userId });
  });
}
