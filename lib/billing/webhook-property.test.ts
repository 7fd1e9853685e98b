/**
 * Property test of the Stripe webhook path (handleStripeWebhook): whatever order Stripe
 * delivers a customer's events in, and however often it repeats them, the mirror ends equal
 * to what Stripe holds, every delivery is answered 200, and each event counts (and mails) once.
 *
 * The histories are made by driving the local Stripe stand-in (checkout pages, API updates,
 * its clock and status controls); the events it generated are then delivered by hand.
 * A failure prints the seed; replay it with PROPERTY_SEED=<seed>. PROPERTY_TRIALS overrides
 * the number of trials (default 1000).
 *
 * Cost: every first-seen event runs a full syncCustomer (two Stripe calls and a transaction) and
 * mailing events render a real mail, so 1000 trials take ~70–90 s of CPU on PGlite (its per-query
 * overhead dominates) and ~50 s on PostgreSQL, where the four lanes overlap their I/O.
 */
import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { config } from "@/lib/env";
import { lifecycleMails, outbox, stripeEvents, subscriptions } from "@/db/schema";
import { drainMirror, insertReader, stripeFacts, type SubscriptionFacts } from "@/test-support/billing-facts";
import { mulberry32, propertySeed } from "@/test-support/prng";
import { DECLINED_CARD, PAYING_CARD, payCheckout, signatureFor, startAppStandin, type AppStandin } from "@/test-support/stripe-standin";
import { listPlans } from "./plans";
import { handleStripeWebhook, type WebhookOutcome } from "./webhook";

const TRIALS = Number(process.env.PROPERTY_TRIALS ?? 1000);
if (!Number.isInteger(TRIALS) || TRIALS < 1) throw new Error(`PROPERTY_TRIALS must be a positive integer, not ${process.env.PROPERTY_TRIALS}`);
const APP_URL = "http://localhost:3000";
/** Event types after which the app mails the customer (lib/billing/notices.ts). */
const MAILING = new Set(["checkout.session.completed", "invoice.payment_failed"]);

interface CapturedEvent {
  id: string;
  type: string;
  /** The event JSON exactly as the stand-in made it: the raw webhook body. */
  payload: string;
}

interface History {
  name: string;
  userId: string;
  email: string;
  customerId: string;
  events: CapturedEvent[];
}

let app: AppStandin;
let histories: History[] = [];

async function openSubscription(opts: {
  name: string;
  priceId: string;
  trialDays?: number;
  declineFirst?: boolean;
}): Promise<{ userId: string; email: string; customerId: string; subscription: Stripe.Subscription }> {
  const userId = crypto.randomUUID();
  const email = `${opts.name}-${Date.now()}@example.com`;
  const customer = await app.client.customers.create({ email, metadata: { userId } });
  const session = await app.client.checkout.sessions.create({
    mode: "subscription",
    customer: customer.id,
    client_reference_id: userId,
    line_items: [{ price: opts.priceId, quantity: 1 }],
    success_url: `${APP_URL}/billing/success?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${APP_URL}/join?canceled=1`,
    metadata: { userId },
    ...(opts.trialDays ? { subscription_data: { trial_period_days: opts.trialDays } } : {}),
  });
  if (!session.url) throw new Error("checkout session without a URL");
  if (opts.declineFirst) {
    const declined = await payCheckout(session.url, DECLINED_CARD);
    if (declined.status !== 402) throw new Error(`declined card answered ${declined.status}`);
  }
  const paid = await payCheckout(session.url, PAYING_CARD);
  if (paid.status !== 303) throw new Error(`paying answered ${paid.status}: ${paid.html.slice(0, 200)}`);
  const [subscription] = (await app.client.subscriptions.list({ customer: customer.id, status: "all" })).data;
  if (!subscription) throw new Error(`no subscription after paying for ${opts.name}`);
  return { userId, email, customerId: customer.id, subscription };
}

function itemOf(sub: Stripe.Subscription): Stripe.SubscriptionItem {
  const item = sub.items.data[0];
  if (!item) throw new Error(`subscription ${sub.id} has no item`);
  return item;
}

beforeAll(async () => {
  app = await startAppStandin();
  const plans = await listPlans();
  const month = plans.find((p) => p.interval === "month")?.priceId;
  const year = plans.find((p) => p.interval === "year")?.priceId;
  if (!month || !year) throw new Error("the stand-in lacks the monthly/yearly prices");
  // (d) first: its clock jump renews every live subscription, so the others are made after it
  // and their histories stay what their names say.
  // (d) cancel at period end, then the period ends.
  const d = await openSubscription({ name: "d-cancel-at-period-end", priceId: month });
  await app.client.subscriptions.update(d.subscription.id, { cancel_at_period_end: true });
  await app.standin.advanceClock(itemOf(d.subscription).current_period_end - app.standin.now() + 60);

  // (a) trial → active → past_due → active → canceled
  const a = await openSubscription({ name: "a-trial-lifecycle", priceId: month, trialDays: 14 });
  expect(a.subscription.status).toBe("trialing");
  for (const status of ["active", "past_due", "active", "canceled"] as const) {
    await app.standin.setSubscriptionStatus(a.subscription.id, status);
  }

  // (b) plan switches: monthly → yearly → monthly
  const b = await openSubscription({ name: "b-plan-switches", priceId: month });
  let bSub = b.subscription;
  for (const price of [year, month]) {
    bSub = await app.client.subscriptions.update(bSub.id, { items: [{ id: itemOf(bSub).id, price }] });
  }
  expect(itemOf(bSub).price.id).toBe(month);

  // (c) a declined first payment, then success; then past_due and back to active. (The stand-in's
  // checkout creates nothing on a declined card, so the failed payment that reaches the app —
  // invoice.payment_failed, status past_due — is forced afterwards with setSubscriptionStatus.)
  const c = await openSubscription({ name: "c-failed-then-paid", priceId: month, declineFirst: true });
  await app.standin.setSubscriptionStatus(c.subscription.id, "past_due");
  await app.standin.setSubscriptionStatus(c.subscription.id, "active");

  const made: Omit<History, "events">[] = [
    { name: "a: trial → active → past_due → active → canceled", ...a },
    { name: "b: monthly → yearly → monthly", ...b },
    { name: "c: declined, paid, past_due, active", ...c },
    { name: "d: cancel at period end, period ends", ...d },
  ];

  const all = app.standin.events();
  histories = made.map((h) => ({
    ...h,
    events: all
      .filter((r) => r.customer === h.customerId)
      .map((r) => ({ id: r.id, type: r.type, payload: JSON.stringify(r.event) })),
  }));
  const ends = await Promise.all(histories.map(async (h) => (await stripeFacts(app.client, h.customerId)).map((f) => f.status)));
  expect(ends).toEqual([["canceled"], ["active"], ["active"], ["canceled"]]);
});
afterAll(async () => app?.close());

function deliver(payload: string, signature: string | null = signatureFor(payload)): Promise<WebhookOutcome> {
  return handleStripeWebhook(payload, signature);
}

describe.each(databaseKinds())("Stripe webhooks on %s", (kind) => {
  const t = useTestDatabase(kind);
  let expected: Map<string, SubscriptionFacts[]>;

  beforeAll(async () => {
    // The readers, as ensureCustomer leaves them: customer id already on the user.
    for (const h of histories) await insertReader(t.db, h.email, h.customerId, h.userId);
    expected = new Map();
    for (const h of histories) expected.set(h.customerId, await stripeFacts(app.client, h.customerId));
  });

  async function reset(): Promise<void> {
    await t.db.delete(stripeEvents);
    await t.db.delete(subscriptions);
    await t.db.delete(outbox);
    await t.db.delete(lifecycleMails);
  }
  const snapshot = async () => ({
    subscriptions: await t.db.select().from(subscriptions).orderBy(subscriptions.id),
    events: await t.db.select().from(stripeEvents).orderBy(stripeEvents.id),
    outbox: (await t.db.select({ id: outbox.id }).from(outbox)).length,
  });
  const history = (i: number): History => {
    const h = histories[i];
    if (!h) throw new Error(`no history ${i}`);
    return h;
  };

  it("the histories produced the events the handler cares about", () => {
    for (const h of histories) {
      expect(h.events.length, h.name).toBeGreaterThanOrEqual(4);
      expect(h.events.map((e) => e.type)).toContain("customer.subscription.created");
    }
    expect(history(0).events.map((e) => e.type)).toContain("invoice.payment_failed");
    expect(history(3).events.map((e) => e.type)).toContain("customer.subscription.deleted");
  });

  it("a bad signature is answered 400 and records nothing", async () => {
    await reset();
    const event = history(1).events[0];
    if (!event) throw new Error("no event");
    const before = await snapshot();
    const stale = Stripe.webhooks.generateTestHeaderString({
      payload: event.payload,
      secret: config().stripe.webhookSecret,
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    const tampered = event.payload.replace('"livemode":false', '"livemode":true');
    expect(tampered).not.toBe(event.payload);
    const attempts: [string, string | null, string][] = [
      ["no header", null, event.payload],
      ["empty header", "", event.payload],
      ["garbage", "t=1,v1=deadbeef", event.payload],
      ["other secret", signatureFor(event.payload, "whsec_someone_else"), event.payload],
      ["tampered body", signatureFor(event.payload), tampered],
      ["an hour old", stale, event.payload],
    ];
    for (const [label, signature, body] of attempts) {
      const outcome = await deliver(body, signature);
      expect(outcome.status, label).toBe(400);
    }
    expect(await snapshot()).toEqual(before);
    expect(before.events).toEqual([]);
  });

  it("an unknown event type is answered 200 and changes no subscription", async () => {
    await reset();
    const customer = history(1).customerId;
    const payload = JSON.stringify({
      id: `evt_unknown_${crypto.randomUUID().replaceAll("-", "")}`,
      object: "event",
      api_version: Stripe.API_VERSION,
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: "ch_123", object: "charge", customer, amount_refunded: 800 } },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type: "charge.refunded",
    });
    expect(await deliver(payload)).toEqual({ status: 200, body: { received: true, ignored: true } });
    expect(await t.db.select().from(subscriptions)).toEqual([]);
    expect(await t.db.select({ type: stripeEvents.type, customerId: stripeEvents.customerId }).from(stripeEvents)).toEqual([
      { type: "charge.refunded", customerId: null },
    ]);
    expect(await deliver(payload)).toEqual({ status: 200, body: { received: true, duplicate: true } });
  });

  it("a duplicate delivery says so and changes no row", async () => {
    await reset();
    const h = history(2);
    const first = h.events.find((e) => e.type === "checkout.session.completed");
    if (!first) throw new Error("no checkout.session.completed");
    expect(await deliver(first.payload)).toEqual({ status: 200, body: { received: true } });
    const before = await snapshot();
    expect(before.subscriptions.map((s) => s.customerId)).toEqual([h.customerId]);
    expect(before.outbox).toBe(1); // the welcome mail
    for (let i = 0; i < 3; i++) {
      expect(await deliver(first.payload)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it(
    `any order, any repeats (${TRIALS} trials): every delivery 200, each event counted once, mirror = Stripe`,
    async () => {
      const seed = propertySeed();
      const perLane = Math.ceil(TRIALS / histories.length);
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      let deliveries = 0;
      let stop = false;
      await reset();

      /** One lane per history (so per customer), the lanes running side by side as Stripe's deliveries do. */
      async function lane(index: number): Promise<void> {
        const h = history(index);
        const rng = mulberry32(seed + index);
        const want = (expected.get(h.customerId) ?? []).map((facts) => ({ customerId: h.customerId, userId: h.userId, facts }));
        const wantEvents = h.events.map((e) => e.id).sort();
        const wantMails = h.events.filter((e) => MAILING.has(e.type)).map(() => ({ to: h.email }));
        for (let trial = 0; trial < perLane && !stop; trial++) {
          try {
            const copies = h.events.flatMap((e) => Array.from({ length: rng.int(1, 3) }, () => e));
            const seen = new Set<string>();
            for (const e of rng.shuffle(copies)) {
              const outcome = await deliver(e.payload);
              deliveries++;
              const repeat = seen.has(e.id);
              seen.add(e.id);
              expect(outcome, `${e.type} ${e.id}${repeat ? " (again)" : ""}`).toEqual({
                status: 200,
                body: repeat ? { received: true, duplicate: true } : { received: true },
              });
            }
            // What the app now holds for this customer, read by deleting it (so also the reset for the
            // next trial): rows equal to Stripe's, each event recorded once, each mail sent once.
            const mirror = await drainMirror(t.db, h.customerId);
            const recorded = await t.db
              .delete(stripeEvents)
              .where(eq(stripeEvents.customerId, h.customerId))
              .returning({ id: stripeEvents.id });
            const mails = await t.db.delete(outbox).where(eq(outbox.to, h.email)).returning({ to: outbox.to });
            // The once-per-event claims go too: the next trial replays the same events as new.
            await t.db.delete(lifecycleMails).where(eq(lifecycleMails.userId, h.userId));
            expect(mirror.map(({ customerId, userId, ...facts }) => ({ customerId, userId, facts }))).toEqual(want);
            expect(recorded.map((r) => r.id).sort(), "each event recorded once").toEqual(wantEvents);
            expect(mails, "one mail per mailing event, none for repeats").toEqual(wantMails);
          } catch (error) {
            stop = true;
            const message = error instanceof Error ? error.message : String(error);
            throw new Error(
              `webhook property failed on ${kind}, history ${h.name}, trial ${trial} (replay: PROPERTY_SEED=${seed}): ${message}`,
              { cause: error },
            );
          }
        }
      }

      const results = await Promise.allSettled(histories.map((_, i) => lane(i)));
      const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failure) throw failure.reason;
      // Nothing left behind: every row, event and mail was filed under the customer it belongs to.
      expect(await t.db.select().from(subscriptions)).toEqual([]);
      expect(await t.db.select().from(stripeEvents)).toEqual([]);
      expect(await t.db.select().from(outbox)).toEqual([]);
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuStarted);
      console.info(
        `[webhook property on ${kind}] ${perLane * histories.length} trials (${perLane} per history), ` +
          `${deliveries} deliveries in ${seconds.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU ` +
          `in this process (seed ${seed})`,
      );
    },
    300_000,
  );
});
