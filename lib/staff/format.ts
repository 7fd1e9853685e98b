import type { MemberStatus } from "@/lib/access/sql";
import { formatMoney } from "@/lib/format";

/** Words the staff area uses for a member's status (the list adds "canceled" for lapsed free members). */
export type ListStatus = MemberStatus | "canceled";

export const STATUS_LABELS: Record<ListStatus, string> = {
  free: "Free",
  paying: "Paying",
  trialing: "Trialing",
  past_due: "Past due",
  complimentary: "Complimentary",
  staff: "Staff",
  canceled: "Canceled",
};

const INTERVAL_LABELS: Record<string, string> = { day: "Daily", week: "Weekly", month: "Monthly", year: "Yearly" };

export function intervalLabel(interval: string | null): string {
  if (!interval) return "Unknown plan";
  return INTERVAL_LABELS[interval] ?? interval;
}

export function planLabel(sub: { interval: string | null; unitAmount: number | null; currency: string | null }): string {
  const base = intervalLabel(sub.interval);
  return sub.unitAmount === null ? base : `${base} (${formatMoney(sub.unitAmount, sub.currency)})`;
}
