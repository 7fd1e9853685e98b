import type { MemberStatus } from "@/lib/access/sql";

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

/** Minor units (cents) to "$9.00"; an unknown currency code falls back to "9.00 XYZ". */
export function formatMoney(minor: number, currency: string | null): string {
  const code = (currency ?? "usd").toUpperCase();
  try {
    return new Intl.NumberFormat("en-GB", { style: "currency", currency: code }).format(minor / 100);
  } catch {
    return `${(minor / 100).toFixed(2)} ${code}`;
  }
}

export function planLabel(sub: { interval: string | null; unitAmount: number | null; currency: string | null }): string {
  const base = intervalLabel(sub.interval);
  return sub.unitAmount === null ? base : `${base} (${formatMoney(sub.unitAmount, sub.currency)})`;
}

const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});
export const formatDateTime = (d: Date): string => dateTime.format(d);

/** "2026-11-22" in UTC. */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
