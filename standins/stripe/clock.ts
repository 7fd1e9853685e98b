/** Billing-period arithmetic on unix seconds, anchored like Stripe (same day of month, clamped). */
import type { Interval, PriceRecord } from "./records";

const DAY = 86_400;

function addMonths(unixSeconds: number, months: number): number {
  const date = new Date(unixSeconds * 1000);
  const day = date.getUTCDate();
  const target = new Date(date.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const daysInTarget = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, daysInTarget));
  return Math.floor(target.getTime() / 1000);
}

export function addInterval(unixSeconds: number, interval: Interval, count: number): number {
  switch (interval) {
    case "day":
      return unixSeconds + DAY * count;
    case "week":
      return unixSeconds + 7 * DAY * count;
    case "month":
      return addMonths(unixSeconds, count);
    case "year":
      return addMonths(unixSeconds, 12 * count);
  }
}

/** End of a billing period that starts at `start` for a recurring price (one month if the price is one-off). */
export function periodEndFor(start: number, price: PriceRecord): number {
  return addInterval(start, price.interval ?? "month", price.interval_count);
}

export const SECONDS_PER_DAY = DAY;
