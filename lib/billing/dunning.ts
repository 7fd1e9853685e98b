import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { z } from "zod";
import { db } from "@/lib/db";
import { subscriptions, users } from "@/db/schema";
import { boss } from "@/lib/jobs/boss";
import { config } from "@/lib/env";
import { sendMailOnce } from "@/lib/mail/once";
import { stripe } from "./stripe";
import { dunning } from "./lifecycle-compose";

/** Reminders after a failed payment: +3 and +6 days (a "day" is DUNNING_DAY_SECONDS long). */
export const DUNNING = "dunning-reminder";
export const REMINDER_DAYS = [3, 6] as const;

const ReminderJob = z.object({
  userId: z.string().min(1),
  customerId: z.string().min(1),
  invoiceId: z.string().min(1),
  reminder: z.number().int().min(1).max(REMINDER_DAYS.length),
});
export type ReminderJob = z.infer<typeof ReminderJob>;

/** Queues the later reminders; a repeat call queues duplicates that the once-per-key claim absorbs. */
export async function scheduleDunning(base: Omit<ReminderJob, "reminder">): Promise<void> {
  const b = await boss();
  await b.createQueue(DUNNING);
  const day = config().dunningDaySeconds;
  for (const [i, days] of REMINDER_DAYS.entries()) {
    const reminder = i + 1;
    await b.send(DUNNING, { ...base, reminder }, { startAfter: days * day, singletonKey: `${base.invoiceId}:${reminder}` });
  }
}

export type ReminderOutcome = "sent" | "already-sent" | "paid" | "active" | "no-reader";

/** Runs one reminder, after checking the state now: a paid invoice or an active subscription stops the sequence. */
export async function runDunningReminder(input: unknown): Promise<ReminderOutcome> {
  const job = ReminderJob.parse(input);
  const invoice = await stripe().invoices.retrieve(job.invoiceId);
  if (invoice.status !== "open") return "paid";
  const d = await db();
  const [healthy] = await d
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(and(eq(subscriptions.customerId, job.customerId), inArray(subscriptions.status, ["active", "trialing"])));
  if (healthy) return "active";
  const [reader] = await d.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, job.userId));
  if (!reader) return "no-reader";
  const [pastDue] = await d
    .select({ since: subscriptions.pastDueSince })
    .from(subscriptions)
    .where(and(eq(subscriptions.customerId, job.customerId), eq(subscriptions.status, "past_due")));
  const sent = await sendMailOnce({ userId: job.userId, kind: `dunning-${job.reminder}`, objectId: job.invoiceId }, () =>
    dunning(reader, job.reminder, pastDue?.since ?? null),
  );
  return sent ? "sent" : "already-sent";
}

export async function registerDunningWorkers(b: PgBoss): Promise<void> {
  await b.createQueue(DUNNING);
  await b.work(DUNNING, async (jobs) => {
    for (const job of jobs) await runDunningReminder(job.data);
  });
}
