import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailPreferences } from "@/db/schema";
import { alertPreferences } from "@/db/schema-risk";
import type { MailKind } from "@/lib/mail/unsubscribe-token";

/**
 * A reader's two mail switches: new pieces (email_preferences) and signal alerts
 * (alert_preferences). No row means on. The account page and the unsubscribe link both write here.
 */
export interface MailPreferences {
  pieces: boolean;
  alerts: boolean;
}

export async function mailPreferencesOf(d: Db, userId: string): Promise<MailPreferences> {
  const [[pieces], [alerts]] = await Promise.all([
    d.select({ on: emailPreferences.newPieces }).from(emailPreferences).where(eq(emailPreferences.userId, userId)),
    d.select({ on: alertPreferences.alerts }).from(alertPreferences).where(eq(alertPreferences.userId, userId)),
  ]);
  return { pieces: pieces?.on ?? true, alerts: alerts?.on ?? true };
}

export async function setMailPreference(d: Db, userId: string, mail: MailKind, on: boolean): Promise<void> {
  const updatedAt = new Date();
  if (mail === "pieces") {
    await d
      .insert(emailPreferences)
      .values({ userId, newPieces: on, updatedAt })
      .onConflictDoUpdate({ target: emailPreferences.userId, set: { newPieces: on, updatedAt } });
  } else {
    await d
      .insert(alertPreferences)
      .values({ userId, alerts: on, updatedAt })
      .onConflictDoUpdate({ target: alertPreferences.userId, set: { alerts: on, updatedAt } });
  }
}
