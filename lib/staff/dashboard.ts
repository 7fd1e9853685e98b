import "server-only";
import { and, count, countDistinct, eq, gte, lt, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { subscriptions, users } from "@/db/schema";
import { subscriptionCounts, type AccessPolicy } from "@/lib/access/rule";
import { isoDay } from "@/lib/format";
import { membershipStatusSql, type MemberStatus } from "@/lib/access/sql";

export type MembershipCounts = Record<MemberStatus, number>;

/** How many members are in each status of lib/access.ts's membershipStatus, counted in the database. */
export async function membershipCounts(policy: AccessPolicy): Promise<MembershipCounts> {
  const d = await db();
  const classified = d
    .select({ status: membershipStatusSql(policy).as("status") })
    .from(users)
    .as("classified");
  const rows = await d.select({ status: classified.status, n: count() }).from(classified).groupBy(classified.status);
  const out: MembershipCounts = { free: 0, paying: 0, trialing: 0, past_due: 0, complimentary: 0, staff: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

/**
 * Monthly recurring revenue, from the Stripe mirror.
 *
 * Counts: subscriptions whose status is `active` and that still count under lib/access.ts's
 * subscriptionCounts (so one canceled at period end counts until that end). Trialing
 * subscriptions are left out (nobody pays yet), and so are past_due ones (the payment is
 * failing; the dashboard shows them as a count of their own). A yearly price adds 1/12 of
 * itself, a weekly one 52/12, a daily one 365/12. Amounts stay in minor units (cents) and in
 * their own currency: MRR in two currencies is two numbers, never a sum.
 */
export interface MrrLine {
  currency: string;
  /** Minor units (cents), rounded to whole units of the minor currency. */
  monthly: number;
  subscriptions: number;
}

const MONTHLY_FACTOR: Record<string, number> = { month: 1, year: 1 / 12, week: 52 / 12, day: 365 / 12 };

export function monthlyAmount(sub: { unitAmount: number | null; interval: string | null }): number | null {
  if (sub.unitAmount === null || sub.interval === null) return null;
  const f = MONTHLY_FACTOR[sub.interval];
  return f === undefined ? null : sub.unitAmount * f;
}

export function mrrOf(
  subs: readonly {
    status: string;
    unitAmount: number | null;
    interval: string | null;
    currency: string | null;
    currentPeriodEnd: Date | null;
    cancelAtPeriodEnd: boolean;
    pastDueSince: Date | null;
  }[],
  policy: AccessPolicy,
): MrrLine[] {
  const by = new Map<string, { sum: number; n: number }>();
  for (const s of subs) {
    if (s.status !== "active" || !subscriptionCounts(s, policy)) continue;
    const m = monthlyAmount(s);
    if (m === null) continue;
    const cur = (s.currency ?? "usd").toLowerCase();
    const acc = by.get(cur) ?? { sum: 0, n: 0 };
    acc.sum += m;
    acc.n += 1;
    by.set(cur, acc);
  }
  return [...by.entries()]
    .map(([currency, a]) => ({ currency, monthly: Math.round(a.sum), subscriptions: a.n }))
    .sort((a, b) => b.monthly - a.monthly);
}

export async function mrr(policy: AccessPolicy): Promise<MrrLine[]> {
  const rows = await (
    await db()
  )
    .select({
      status: subscriptions.status,
      unitAmount: subscriptions.unitAmount,
      interval: subscriptions.interval,
      currency: subscriptions.currency,
      currentPeriodEnd: subscriptions.currentPeriodEnd,
      cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
      pastDueSince: subscriptions.pastDueSince,
    })
    .from(subscriptions)
    .where(eq(subscriptions.status, "active"));
  return mrrOf(rows, policy);
}

export interface DayCount {
  /** "2026-11-22" (UTC). */
  day: string;
  signups: number;
  newPaying: number;
}

const DAY_MS = 86_400_000;

/** The `days` UTC days ending with today, oldest first. */
export function dayRange(now: Date, days: number): { start: Date; end: Date; days: string[] } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const start = today - (days - 1) * DAY_MS;
  const list = Array.from({ length: days }, (_, i) => isoDay(new Date(start + i * DAY_MS)));
  return { start: new Date(start), end: new Date(today + DAY_MS), days: list };
}

/**
 * Sign-ups (accounts created, including imported ones) and new paying subscribers per UTC day,
 * every day present (zero when nothing happened). A new paying subscriber is a customer whose
 * Stripe subscription was created that day, leaving out subscriptions that never went through
 * (incomplete, incomplete_expired), that are still in their trial, or that ended within their
 * trial without a payment.
 */
export async function dailyGrowth(now: Date, days = 30): Promise<DayCount[]> {
  const d = await db();
  const range = dayRange(now, days);
  const userDay = sql<string>`to_char(${users.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const subDay = sql<string>`to_char(${subscriptions.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const [signups, paying] = await Promise.all([
    d
      .select({ day: userDay, n: count() })
      .from(users)
      .where(and(gte(users.createdAt, range.start), lt(users.createdAt, range.end)))
      .groupBy(userDay),
    d
      .select({ day: subDay, n: countDistinct(subscriptions.customerId) })
      .from(subscriptions)
      .where(
        and(
          gte(subscriptions.createdAt, range.start),
          lt(subscriptions.createdAt, range.end),
          sql`${subscriptions.status} not in ('incomplete', 'incomplete_expired', 'trialing')`,
          sql`not (${subscriptions.trialEnd} is not null and ${subscriptions.endedAt} is not null and ${subscriptions.endedAt} <= ${subscriptions.trialEnd})`,
        ),
      )
      .groupBy(subDay),
  ]);
  const s = new Map(signups.map((r) => [r.day, Number(r.n)]));
  const p = new Map(paying.map((r) => [r.day, Number(r.n)]));
  return range.days.map((day) => ({ day, signups: s.get(day) ?? 0, newPaying: p.get(day) ?? 0 }));
}
