import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { complimentaryGrants, subscriptions, users } from "@/db/schema";
import type { GrantFacts, Role, SubscriptionFacts, Viewer } from "@/lib/access/rule";

/**
 * The access rule's facts for many users at once: one query for their subscriptions and one
 * for their grants, however many users (callers pass pages of a few thousand).
 */
export interface UserFacts {
  id: string;
  email: string;
  role: Role;
}

export async function viewersOf(d: Db, people: UserFacts[]): Promise<Map<string, Viewer>> {
  const out = new Map<string, Viewer>();
  if (people.length === 0) return out;
  const ids = people.map((p) => p.id);
  const [subs, grants] = await Promise.all([
    d
      .select({
        userId: subscriptions.userId,
        status: subscriptions.status,
        currentPeriodEnd: subscriptions.currentPeriodEnd,
        cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
        pastDueSince: subscriptions.pastDueSince,
      })
      .from(subscriptions)
      .where(inArray(subscriptions.userId, ids)),
    d
      .select({ userId: complimentaryGrants.userId, expiresAt: complimentaryGrants.expiresAt, revokedAt: complimentaryGrants.revokedAt })
      .from(complimentaryGrants)
      .where(inArray(complimentaryGrants.userId, ids)),
  ]);
  const subsBy = new Map<string, SubscriptionFacts[]>();
  for (const { userId, ...facts } of subs) {
    if (userId === null) continue;
    const list = subsBy.get(userId);
    if (list) list.push(facts);
    else subsBy.set(userId, [facts]);
  }
  const grantsBy = new Map<string, GrantFacts[]>();
  for (const { userId, ...facts } of grants) {
    const list = grantsBy.get(userId);
    if (list) list.push(facts);
    else grantsBy.set(userId, [facts]);
  }
  for (const p of people) {
    out.set(p.id, {
      kind: "member",
      userId: p.id,
      email: p.email,
      role: p.role,
      subscriptions: subsBy.get(p.id) ?? [],
      grants: grantsBy.get(p.id) ?? [],
    });
  }
  return out;
}

/** Viewers for user ids (unknown ids are left out). */
export async function viewersById(d: Db, userIds: string[]): Promise<Map<string, Viewer>> {
  if (userIds.length === 0) return new Map();
  const people = await d.select({ id: users.id, email: users.email, role: users.role }).from(users).where(inArray(users.id, userIds));
  return viewersOf(d, people);
}
