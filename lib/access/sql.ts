import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import {
  CANCELED_STATUS,
  ENTITLED_STATUSES,
  GRACE_STATUS,
  STAFF_ROLES,
  STANDING_BY_STATUS,
  gracePeriodMs,
  type AccessPolicy,
  type MembershipStatus,
  type Visibility,
} from "@/lib/access/rule";

/**
 * lib/access/rule.ts's `membershipStatus`, `subscriptionCounts`, `grantCounts` and `isLapsed`,
 * written as SQL so the subscriber list, its export and the dashboard can filter, count and
 * paginate many members in the database. This file holds no rule of its own: the roles,
 * statuses, their precedence and the grace period all come from rule.ts, and sql.test.ts checks
 * the translation agrees with rule.ts on every boundary case and on random ones.
 *
 * The policy's `now` is a parameter (never SQL `now()`), so the SQL and the TypeScript rule
 * judge the same instant. The grace period is added as the same number of milliseconds
 * rule.ts adds, not as calendar days (which a session time zone with daylight saving would stretch).
 * The expressions refer to the `users` table by its own name: use them in queries on `users`
 * without an alias.
 */

// Written out in full: drizzle leaves a column unqualified ("id") at the top level of a selected
// expression, which inside a subquery on subscriptions would mean subscriptions.id.
const USER_ID = sql.raw(`"users"."id"`);
const USER_ROLE = sql.raw(`"users"."role"`);

/** A parenthesised list of parameters, for `x in ${inList(values)}`. */
const inList = (values: readonly string[]): SQL => sql`(${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;

const nowOf = (p: AccessPolicy): SQL => sql`${p.now.toISOString()}::timestamptz`;
const graceOf = (p: AccessPolicy): SQL => sql`make_interval(secs => ${gracePeriodMs(p) / 1000}::float8)`;

/** `subscriptionCounts` for the subscriptions row aliased `s`. */
export function subscriptionCountsSql(p: AccessPolicy): SQL {
  const now = nowOf(p);
  return sql`(
    (s.status in ${inList(ENTITLED_STATUSES)}
      and not (s.cancel_at_period_end and s.current_period_end is not null and s.current_period_end <= ${now}))
    or (s.status = ${GRACE_STATUS}
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

const hasCountingSubscription = (p: AccessPolicy, status?: string): SQL =>
  sql`exists (select 1 from subscriptions s where s.user_id = ${USER_ID}${status ? sql` and s.status = ${status}` : sql``} and ${subscriptionCountsSql(p)})`;

const hasCountingGrant = (p: AccessPolicy): SQL =>
  sql`exists (select 1 from complimentary_grants g where g.user_id = ${USER_ID} and ${grantCountsSql(p)})`;

export type MemberStatus = Exclude<MembershipStatus, "anonymous">;

const STAFF: MemberStatus = "staff";
const COMPLIMENTARY: MemberStatus = "complimentary";
const FREE: MemberStatus = "free";

const PUBLIC: Visibility = "public";
const MEMBERS: Visibility = "members";
const PAID: Visibility = "paid";

/** `membershipStatus` of the `users` row in scope, as text. */
export function membershipStatusSql(p: AccessPolicy): SQL<MemberStatus> {
  const bySubscription = STANDING_BY_STATUS.map(
    ({ subscription, standing }) => sql`when ${hasCountingSubscription(p, subscription)} then ${standing}::text`,
  );
  return sql<MemberStatus>`(case
    when ${USER_ROLE}::text in ${inList(STAFF_ROLES)} then ${STAFF}::text
    ${sql.join(bySubscription, sql`\n    `)}
    when ${hasCountingGrant(p)} then ${COMPLIMENTARY}::text
    else ${FREE}::text end)`;
}

/** `isLapsed` of the `users` row in scope. */
export function lapsedSql(p: AccessPolicy): SQL<boolean> {
  return sql<boolean>`(exists (select 1 from subscriptions s where s.user_id = ${USER_ID} and s.status = ${CANCELED_STATUS})
    and not ${hasCountingSubscription(p)})`;
}

/** `hasPaidAccess` of the `users` row in scope. */
export function paidAccessSql(p: AccessPolicy): SQL<boolean> {
  return sql<boolean>`(${USER_ROLE}::text in ${inList(STAFF_ROLES)} or ${hasCountingSubscription(p)} or ${hasCountingGrant(p)})`;
}

/**
 * `decideAccess(viewer, piece).allowed` for a piece row whose visibility is `visibility`, the viewer
 * named by their user id (null: anonymous). A member's standing is read from the database at the
 * policy's instant, as `currentViewer` would load it.
 */
export function mayReadSql(p: AccessPolicy, visibility: SQLWrapper, viewerUserId: string | null): SQL<boolean> {
  if (viewerUserId === null) return sql<boolean>`(${visibility} = ${PUBLIC})`;
  const member = (condition: SQL): SQL => sql`exists (select 1 from users where ${USER_ID} = ${viewerUserId} and ${condition})`;
  return sql<boolean>`(${visibility} = ${PUBLIC}
    or (${visibility} = ${MEMBERS} and ${member(sql`true`)})
    or (${visibility} = ${PAID} and ${member(paidAccessSql(p))}))`;
}
