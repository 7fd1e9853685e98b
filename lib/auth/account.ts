import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { auditLog, emailPreferences, users } from "@/db/schema";

export async function wantsNewPieces(userId: string): Promise<boolean> {
  const [row] = await (await db())
    .select({ on: emailPreferences.newPieces })
    .from(emailPreferences)
    .where(eq(emailPreferences.userId, userId));
  return row?.on ?? true;
}

export async function setWantsNewPieces(userId: string, on: boolean): Promise<void> {
  await (await db())
    .insert(emailPreferences)
    .values({ userId, newPieces: on, updatedAt: new Date() })
    .onConflictDoUpdate({ target: emailPreferences.userId, set: { newPieces: on, updatedAt: new Date() } });
}

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
