import { sql, type SQL } from "drizzle-orm";
import { subscriptionCounts, type AccessPolicy, type MembershipStatus, type SubscriptionFacts } from "@/lib/access/rule";

/**
 * lib/access.ts's `membershipStatus`, `subscriptionCounts` and `grantCounts`, written as SQL so the
 * subscriber list, its export and the dashboard can filter, count and paginate many members in the
 * database. This file holds no rule of its own: it is a translation, and
 * membership-sql.test.ts checks it agrees with lib/access.ts on every boundary case and on
 * random ones. Change lib/access.ts and that test tells you to change this file too.
 *
 * The policy's `now` is a parameter (never SQL `now()`), so the SQL and the TypeScript rule
 * judge the same instant. Grace days are added as 24-hour steps, as lib/access.ts does, not
 * as calendar days (which a session time zone with daylight saving would stretch).
 * The expressions refer to the `users` table by its own name: use them in queries on `users`
 * without an alias.
 */

// Written out in full: drizzle leaves a column unqualified ("id") at the top level of a selected
// expression, which inside a subquery on subscriptions would mean subscriptions.id.
const USER_ID = sql.raw(`"users"."id"`);
const USER_ROLE = sql.raw(`"users"."role"`);

const nowOf = (p: AccessPolicy): SQL => sql`${p.now.toISOString()}::timestamptz`;
const graceOf = (p: AccessPolicy): SQL => sql`make_interval(hours => ${p.paymentGraceDays * 24}::int)`;

/** `subscriptionCounts` for the subscriptions row aliased `s`. */
export function subscriptionCountsSql(p: AccessPolicy): SQL {
  const now = nowOf(p);
  return sql`(
    (s.status in ('active', 'trialing')
      and not (s.cancel_at_period_end and s.current_period_end is not null and s.current_period_end <= ${now}))
    or (s.status = 'past_due'
      and coalesce(s.past_due_since, s.current_period_end) is not null
      and ${now} < coalesce(s.past_due_since, s.current_period_end) + ${graceOf(p)})
  )`;
}

/** `grantCounts` for the complimentary_grants row aliased `g`. */
export function grantCountsSql(p: AccessPolicy): SQL {
  const now = nowOf(p);
  return sql`(
    not (g.revoked_at is not null and g.revoked_at <= ${now})
    and (g.expires_at is null or g.expires_at > ${now})
  )`;
}

const hasCountingSubscription = (p: AccessPolicy, status?: "active" | "trialing" | "past_due"): SQL =>
  sql`exists (select 1 from subscriptions s where s.user_id = ${USER_ID}${status ? sql` and s.status = ${status}` : sql``} and ${subscriptionCountsSql(p)})`;

const hasCountingGrant = (p: AccessPolicy): SQL =>
  sql`exists (select 1 from complimentary_grants g where g.user_id = ${USER_ID} and ${grantCountsSql(p)})`;

export type MemberStatus = Exclude<MembershipStatus, "anonymous">;

/** `membershipStatus` of the `users` row in scope, as text. */
export function membershipStatusSql(p: AccessPolicy): SQL<MemberStatus> {
  return sql<MemberStatus>`(case
    when ${USER_ROLE} in ('editor', 'admin') then 'staff'
    when ${hasCountingSubscription(p, "active")} then 'paying'
    when ${hasCountingSubscription(p, "trialing")} then 'trialing'
    when ${hasCountingSubscription(p, "past_due")} then 'past_due'
    when ${hasCountingGrant(p)} then 'complimentary'
    else 'free' end)`;
}

/**
 * "Canceled" on the subscriber list: has a canceled Stripe subscription and none that counts
 * (whatever else they have, e.g. a complimentary grant). A staff-area view, not an access rule.
 */
export function lapsedSql(p: AccessPolicy): SQL<boolean> {
  return sql<boolean>`(exists (select 1 from subscriptions s where s.user_id = ${USER_ID} and s.status = 'canceled')
    and not ${hasCountingSubscription(p)})`;
}

/** The same "canceled" in TypeScript, for rows already loaded. */
export function isLapsed(subs: readonly SubscriptionFacts[], p: AccessPolicy): boolean {
  return subs.some((s) => s.status === "canceled") && !subs.some((s) => subscriptionCounts(s, p));
}
