import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { complimentaryGrants, subscriptions, users } from "@/db/schema";
import { ANONYMOUS, type Viewer } from "@/lib/access/rule";

/** Facts the access rule needs about one user. */
export async function viewerForUser(userId: string): Promise<Viewer> {
  const d = await db();
  const [user] = await d.select({ id: users.id, email: users.email, role: users.role }).from(users).where(eq(users.id, userId));
  if (!user) return ANONYMOUS;
  const [subs, grants] = await Promise.all([
    d
      .select({
        status: subscriptions.status,
        currentPeriodEnd: subscriptions.currentPeriodEnd,
        cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
        pastDueSince: subscriptions.pastDueSince,
      })
      .from(subscriptions)
      .where(eq(subscriptions.userId, user.id)),
    d
      .select({ expiresAt: complimentaryGrants.expiresAt, revokedAt: complimentaryGrants.revokedAt })
      .from(complimentaryGrants)
      .where(eq(complimentaryGrants.userId, user.id)),
  ]);
  return { kind: "member", userId: user.id, email: user.email, role: user.role, subscriptions: subs, grants };
}
