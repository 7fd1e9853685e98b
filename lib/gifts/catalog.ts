/** The gift spans on offer and their Stripe lookup keys (one-time prices; `npm run stripe:setup` makes them). */
export const GIFT_MONTHS = [1, 3, 6, 12] as const;
export type GiftMonths = (typeof GIFT_MONTHS)[number];

export const giftLookupKey = (months: GiftMonths): string => `esm_gift_${months}m`;

/** A gift costs the monthly price times its months (stripe:setup and the demo stand-in both use this). */
export const giftAmount = (monthlyMinor: number, months: GiftMonths): number => monthlyMinor * months;

export const giftLabel = (months: number): string => (months === 12 ? "1 year" : months === 1 ? "1 month" : `${months} months`);
