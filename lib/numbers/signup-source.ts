import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { pendingSignupSources, users } from "@/db/schema";
import { pieceIdOfPath } from "@/lib/billing/attribution";

/**
 * The piece a free sign-up started from. A sign-in mail asked for by an address without an account,
 * with a `next` naming a piece, leaves that piece here; the account, once made, takes it over.
 */
export async function rememberSignupSource(email: string, next: string): Promise<void> {
  const d = await db();
  const pieceId = await pieceIdOfPath(d, next);
  if (!pieceId) return;
  const [existing] = await d.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) return;
  await d
    .insert(pendingSignupSources)
    .values({ email, pieceId })
    .onConflictDoUpdate({ target: pendingSignupSources.email, set: { pieceId, createdAt: new Date() } });
}

export async function adoptSignupSource(userId: string, email: string | null | undefined): Promise<void> {
  if (!email) return;
  const d = await db();
  const [pending] = await d.delete(pendingSignupSources).where(eq(pendingSignupSources.email, email.toLowerCase())).returning();
  if (pending) await d.update(users).set({ signupPieceId: pending.pieceId }).where(eq(users.id, userId));
}
