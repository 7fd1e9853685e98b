import { z } from "zod";
import { isoDay } from "@/lib/format";
import { GIFT_MONTHS } from "./catalog";

export const GIFT_MESSAGE_MAX = 300;
const DAY_MS = 86_400_000;

/** The /gift form. Dates are calendar days in UTC: today at the earliest, a year ahead at the latest. */
export function giftFormSchema(now: Date = new Date()) {
  const today = isoDay(now);
  const latest = isoDay(new Date(now.getTime() + 365 * DAY_MS));
  return z.object({
    months: z.coerce
      .number({ message: "Choose how long the gift lasts." })
      .refine((m): m is (typeof GIFT_MONTHS)[number] => (GIFT_MONTHS as readonly number[]).includes(m), "Choose 1, 3, 6 or 12 months."),
    recipientEmail: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email("Enter the recipient's email address, like name@example.com.").max(254, "That email address is too long.")),
    deliverOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the delivery date, like 2026-12-24.")
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && isoDay(new Date(`${d}T00:00:00Z`)) === d, "Enter a real date.")
      .refine((d) => d >= today, "The delivery date can't be in the past.")
      .refine((d) => d <= latest, "Choose a delivery date within a year."),
    message: z
      .string()
      .trim()
      .max(GIFT_MESSAGE_MAX, `Keep the message to ${GIFT_MESSAGE_MAX} characters.`)
      .optional()
      .transform((m) => m || null),
  });
}
export type GiftForm = z.output<ReturnType<typeof giftFormSchema>>;
