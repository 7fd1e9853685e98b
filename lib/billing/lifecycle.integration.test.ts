/**
 * Lifecycle mail against the Stripe stand-in and a real database (PGlite, and PostgreSQL when
 * DATABASE_URL is set): every mail goes out once per event, whatever the webhook delivery does
 * (retries, a second event about the same thing, concurrent delivery), and the dunning sequence
 * stops the moment the invoice is paid.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { outbox, users } from "@/db/schema";
import { insertReader } from "@/test-support/billing-facts";
import { PAYING_CARD, payCheckout, signatureFor, startAppStandin, type AppStandin } from "@/test-support/stripe-standin";
import type { StripeEventRecord } from "@/standins/stripe/records";
import { sendMemberWelcome } from "@/lib/auth/welcome-mail";
import { startCheckout } from "./checkout";
import { listPlans } from "./plans";
import { syncCustomer } from "./sync";
import { handleStripeWebhook } from "./webhook";
import { runDunningReminder } from "./dunning";

const CountRows = z.array(z.object({ n: z.coerce.number() }));
/** PGlite answers { rows }, postgres-js answers the rows themselves. */
const QueuedCount = z.union([z.object({ rows: CountRows }), CountRows.transform((rows) => ({ rows }))]);

let app: AppStandin;
beforeAll(async () => {
  app = await startAppStandin();
  await listPlans();
});
afterAll(async () => app.close());

let counter = 0;
const uniqueEmail = (label: string) => `${label}-${++counter}-${Date.now()}@example.com`;

async function deliver(event: object) {
  const body = JSON.stringify(event);
  return handleStripeWebhook(body, signatureFor(body));
}

/** The same event re-sent by Stripe as a new event (a new id about the same object). */
const asNewEvent = (record: StripeEventRecord) => ({ ...record.event, id: `${String(record.event.id)}_again` });

describe.each(databaseKinds())("lifecycle mail on %s", (kind) => {
  const t = useTestDatabase(kind, { boss: true });

  const mailsTo = (email: string, subject: string) =>
    t.db.select().from(outbox).where(and(eq(outbox.to, email), eq(outbox.subject, subject)));

  async function payingReader(label: string) {
    const email = uniqueEmail(label);
    const userId = await insertReader(t.db, email);
    const started = await startCheckout(userId, "month", "/");
    if (started.kind !== "redirect") throw new Error(`no checkout URL for ${email}`);
    expect((await payCheckout(started.url, PAYING_CARD)).status).toBe(303);
    const [u] = await t.db.select({ c: users.stripeCustomerId }).from(users).where(eq(users.id, userId));
    const customerId = u?.c;
    if (!customerId) throw new Error("no customer");
    await syncCustomer(customerId);
    const sub = (await app.client.subscriptions.list({ customer: customerId })).data[0];
    if (!sub) throw new Error("no subscription");
    return { email, userId, customerId, subscriptionId: sub.id };
  }

  const eventsOf = (customerId: string, type: string) =>
    app.standin.events().filter((e) => e.customer === customerId && e.type === type);
  const lastEvent = (customerId: string, type: string) => {
    const found = eventsOf(customerId, type).at(-1);
    if (!found) throw new Error(`no ${type} for ${customerId}`);
    return found;
  };
  const notice = async (subscriptionId: string, which: "trial_will_end" | "payment_action_required") => {
    const res = await fetch(`${app.standin.url}/_test/subscriptions/${subscriptionId}/notice`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ notice: which }),
    });
    expect(res.status).toBe(200);
  };

  it("sends the paid welcome once, with plan, price and next charge, through retries, a second event and concurrent delivery", async () => {
    const r = await payingReader("welcome");
    const completed = lastEvent(r.customerId, "checkout.session.completed");
    await Promise.all([deliver(completed.event), deliver(completed.event), deliver(asNewEvent(completed))]);
    await deliver(completed.event);
    const mails = await mailsTo(r.email, "Welcome to ESM Insight: your subscription is active");
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toMatch(/Your plan: Monthly, \$\d+(\.\d\d)? a month\. Your next charge is on \d{1,2} \w+ \d{4}/);
  });

  it("sends the trial-ends notice once per trial", async () => {
    const r = await payingReader("trial");
    await app.standin.setSubscriptionStatus(r.subscriptionId, "trialing");
    await notice(r.subscriptionId, "trial_will_end");
    const ending = lastEvent(r.customerId, "customer.subscription.trial_will_end");
    await Promise.all([deliver(ending.event), deliver(asNewEvent(ending))]);
    await deliver(ending.event);
    expect(await mailsTo(r.email, "Your trial ends in 3 days")).toHaveLength(1);
  });

  it("sends the payment-needs-action mail once, with the hosted invoice link", async () => {
    const r = await payingReader("action");
    await notice(r.subscriptionId, "payment_action_required");
    const action = lastEvent(r.customerId, "invoice.payment_action_required");
    await Promise.all([deliver(action.event), deliver(action.event), deliver(asNewEvent(action))]);
    const mails = await mailsTo(r.email, "Please confirm your payment");
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain(`${app.standin.url}/invoices/in_`);
  });

  it("runs the dunning sequence once per step and stops it when the invoice is paid", async () => {
    const r = await payingReader("dunning");
    await app.standin.setSubscriptionStatus(r.subscriptionId, "past_due");
    const failed = lastEvent(r.customerId, "invoice.payment_failed");
    await Promise.all([deliver(failed.event), deliver(asNewEvent(failed))]);
    expect(await mailsTo(r.email, "Your payment didn’t go through")).toHaveLength(1);
    const invoiceId = String((failed.event.data as { object: { id: string } }).object.id);
    const job = { userId: r.userId, customerId: r.customerId, invoiceId };
    expect(await runDunningReminder({ ...job, reminder: 1 })).toBe("sent");
    expect(await runDunningReminder({ ...job, reminder: 1 })).toBe("already-sent");
    await app.standin.setSubscriptionStatus(r.subscriptionId, "active");
    expect(await runDunningReminder({ ...job, reminder: 2 })).toBe("paid");
    expect(await mailsTo(r.email, "Reminder: your payment is still outstanding")).toHaveLength(1);
    const queued = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from pgboss.job where name = 'dunning-reminder' and data->>'invoiceId' = ${invoiceId}`,
    );
    expect(QueuedCount.parse(queued).rows[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it("sends the subscription-ended mail once", async () => {
    const r = await payingReader("ended");
    await app.standin.setSubscriptionStatus(r.subscriptionId, "canceled");
    const deleted = lastEvent(r.customerId, "customer.subscription.deleted");
    await Promise.all([deliver(deleted.event), deliver(asNewEvent(deleted))]);
    await deliver(deleted.event);
    expect(await mailsTo(r.email, "Your subscription has ended")).toHaveLength(1);
  });

  it("sends the free-member welcome once per account", async () => {
    const email = uniqueEmail("member");
    const userId = await insertReader(t.db, email);
    const results = await Promise.all([sendMemberWelcome(userId), sendMemberWelcome(userId)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await sendMemberWelcome(userId)).toBe(false);
    expect(await mailsTo(email, "Welcome to ESM Insight")).toHaveLength(1);
  });
});
