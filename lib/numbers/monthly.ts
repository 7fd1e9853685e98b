import "server-only";
import { notInArray } from "drizzle-orm";
import { db } from "@/lib/db";
import { subscriptions } from "@/db/schema";
import { monthlyAmount } from "@/lib/staff/dashboard";

/**
 * Paid subscriptions per calendar month (UTC), from the mirror of Stripe:
 * - new: subscriptions created in the month; churned: subscriptions that ended in it; net = new − churned;
 * - MRR at the month's end (or now, for the running month): subscriptions begun and not ended by
 *   then, past any trial, each at its monthly amount (a yearly price counts 1/12), per currency;
 * - cancellation reasons: Stripe's cancellation_details.feedback of the month's churned subscriptions.
 * Subscriptions that never started (incomplete) are left out.
 */
export interface MonthRow {
  /** "2026-11" */
  month: string;
  newSubscriptions: number;
  churned: number;
  net: number;
  /** Minor units per currency, largest first. */
  mrr: { currency: string; monthly: number }[];
  reasons: { feedback: string; count: number }[];
}

interface SubFacts {
  createdAt: Date;
  endedAt: Date | null;
  trialEnd: Date | null;
  unitAmount: number | null;
  interval: string | null;
  currency: string | null;
  cancellationFeedback: string | null;
}

export function monthKeys(now: Date, months: number): string[] {
  return Array.from({ length: months }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

const monthOf = (d: Date) => d.toISOString().slice(0, 7);

export function monthlyReportOf(subs: readonly SubFacts[], now: Date, months = 12): MonthRow[] {
  return monthKeys(now, months).map((month) => {
    const [y, m] = month.split("-").map(Number);
    const monthEnd = new Date(Math.min(Date.UTC(y ?? 1970, m ?? 1, 1), now.getTime()));
    const started = subs.filter((s) => monthOf(s.createdAt) === month);
    const ended = subs.filter((s) => s.endedAt && monthOf(s.endedAt) === month);
    const mrr = new Map<string, number>();
    for (const s of subs) {
      const live = s.createdAt < monthEnd && (!s.endedAt || s.endedAt >= monthEnd) && !(s.trialEnd && s.trialEnd >= monthEnd);
      const amount = live ? monthlyAmount(s) : null;
      if (amount === null) continue;
      const cur = (s.currency ?? "usd").toLowerCase();
      mrr.set(cur, (mrr.get(cur) ?? 0) + amount);
    }
    const reasons = new Map<string, number>();
    for (const s of ended) {
      const r = s.cancellationFeedback ?? "none given";
      reasons.set(r, (reasons.get(r) ?? 0) + 1);
    }
    return {
      month,
      newSubscriptions: started.length,
      churned: ended.length,
      net: started.length - ended.length,
      mrr: [...mrr.entries()].map(([currency, v]) => ({ currency, monthly: Math.round(v) })).sort((a, b) => b.monthly - a.monthly),
      reasons: [...reasons.entries()].map(([feedback, count]) => ({ feedback, count })).sort((a, b) => b.count - a.count),
    };
  });
}

export async function monthlyReport(now: Date, months = 12): Promise<MonthRow[]> {
  const rows = await (await db())
    .select({
      createdAt: subscriptions.createdAt,
      endedAt: subscriptions.endedAt,
      trialEnd: subscriptions.trialEnd,
      unitAmount: subscriptions.unitAmount,
      interval: subscriptions.interval,
      currency: subscriptions.currency,
      cancellationFeedback: subscriptions.cancellationFeedback,
    })
    .from(subscriptions)
    .where(notInArray(subscriptions.status, ["incomplete", "incomplete_expired"]));
  return monthlyReportOf(rows, now, months);
}
