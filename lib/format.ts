/**
 * How the site, the staff area and the mails write amounts, numbers and dates: one locale,
 * dates in UTC. Plain module (no server-only): client components format with it too.
 */
export const LOCALE = "en-GB";

const TIME_ZONE = "UTC";

function money(amountMinor: number, currency: string | null, wholeWithoutCents: boolean): string {
  const code = (currency ?? "usd").toUpperCase();
  const fractionDigits = wholeWithoutCents && amountMinor % 100 === 0 ? 0 : 2;
  try {
    return new Intl.NumberFormat(LOCALE, {
      style: "currency",
      currency: code,
      // "$9.00", not en-GB's "US$9.00"; "€" and "£" either way.
      currencyDisplay: "narrowSymbol",
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: 2,
    }).format(amountMinor / 100);
  } catch {
    return `${(amountMinor / 100).toFixed(fractionDigits)} ${code}`;
  }
}

/** Minor units (cents) to "$9.00"; an unknown currency code falls back to "9.00 XYZ". */
export function formatMoney(amountMinor: number, currency: string | null): string {
  return money(amountMinor, currency, false);
}

/** A price as the site advertises it: "$8", "$8.50". */
export function formatPrice(amountMinor: number, currency: string | null): string {
  return money(amountMinor, currency, true);
}

const number = new Intl.NumberFormat(LOCALE);
/** "12,345". */
export const formatNumber = (n: number): string => number.format(n);

const date = new Intl.DateTimeFormat(LOCALE, { day: "numeric", month: "long", year: "numeric", timeZone: TIME_ZONE });
/** "22 November 2026". */
export const formatDate = (d: Date): string => date.format(d);

const shortDate = new Intl.DateTimeFormat(LOCALE, { day: "numeric", month: "short", timeZone: TIME_ZONE });
/** "22 Nov". */
export const formatShortDate = (d: Date): string => shortDate.format(d);

const dateTime = new Intl.DateTimeFormat(LOCALE, {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: TIME_ZONE,
  timeZoneName: "short",
});
/** "22 Nov 2026, 07:00 UTC". */
export const formatDateTime = (d: Date): string => dateTime.format(d);

/** "2026-11-22" in UTC. */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

const time = new Intl.DateTimeFormat(LOCALE, { hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE });
/** "14:03" (UTC). */
export const formatTime = (d: Date): string => time.format(d);
