import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { suppressions } from "@/db/schema";

/**
 * Addresses we never mail again: hard bounces and complaints (from the Resend webhook), and
 * unsubscribes of addresses that have no account. Stored lower-cased; the newsletter audience
 * skips them.
 */
export type SuppressionReason = "bounced" | "complained" | "unsubscribed";

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** Adds the address (idempotent; the first reason is kept). */
export async function suppressAddress(d: Db, email: string, reason: SuppressionReason): Promise<void> {
  await d.insert(suppressions).values({ email: normalizeEmail(email), reason }).onConflictDoNothing();
}

export async function isSuppressed(d: Db, email: string): Promise<boolean> {
  const rows = await d
    .select({ email: suppressions.email })
    .from(suppressions)
    .where(sql`${suppressions.email} = ${normalizeEmail(email)}`)
    .limit(1);
  return rows.length > 0;
}
