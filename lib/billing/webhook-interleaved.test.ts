/**
 * Property test of the webhook path while Stripe keeps changing: a seeded sequence of subscription
 * changes (trial, active, past_due, back and forth, cancel at period end and back, price switches,
 * time passing, cancel) made on the Stripe stand-in, with the events delivered in between the
 * changes, out of order and repeated. Once everything is delivered, every mirrored field of the
 * customer's subscription rows equals what Stripe holds, `pastDueSince` included (the finalization
 * of the oldest invoice still open). A failure prints the seed: replay with PROPERTY_SEED=<seed>;
 * INTERLEAVED_TRIALS sets the number of trials (default 24).
 */
import { asc, eq } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subscriptions } from "@/db/schema";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { insertReader } from "@/test-support/billing-facts";
import { mulberry32, propertySeed, type Rng } from "@/test-support/prng";
import { PAYING_CARD, payCheckout, signatureFor, startAppStandin, type AppStandin } from "@/test-support/stripe-standin";
import { listPlans } from "./plans";
import { handleStripeWebhook } from "./webhook";

const TRIALS = Number(process.env.INTERLEAVED_TRIALS ?? 24);
if (!Number.isInteger(TRIALS) || TRIALS < 1) throw new Error(`INTERLEAVED_TRIALS must be a positive integer, not ${process.env.INTERLEAVED_TRIALS}`);
const STEPS = 12;
const DAY = 86_400;

let app: AppStandin;
let month = "";
let year = "";

beforeAll(async () => {
  app = await startAppStandin();
  const plans = await listPlans();
  month = plans.find((p) => p.interval === "month")?.priceId ?? "";
  year = plans.find((p) => p.interval === "year")?.priceId ?? "";
  if (!month || !year) throw new Error("the stand-in lacks the monthly/yearly prices");
});
afterAll(async () => app?.close());

const fromUnix = (t: number | null | undefined): Date | null => (typeof t === "number" ? new Date(t * 1000) : null);

/** Every mirrored field, as Stripe (the stand-in) says it should be. */
async function stripeRows(customerId: string, userId: string) {
  const rows = [];
  for await (const sub of app.client.subscriptions.list({ customer: customerId, status: "all", limit: 100 })) {
    const item = sub.items.data[0];
    let pastDueSince: Date | null = null;
    if (sub.status === "past_due") {
      const open = await app.client.invoices.list({ subscription: sub.id, status: "open", limit: 100 });
      const finalized = open.data.map((i) => i.status_transitions.finalized_at ?? i.created);
      pastDueSince = fromUnix(finalized.length > 0 ? Math.min(...finalized) : null);
    }
    rows.push({
      id: sub.id,
      customerId,
      userId,
      status: sub.status,
      priceId: item?.price.id ?? null,
      interval: item?.price.recurring?.interval ?? null,
      unitAmount: item?.price.unit_amount ?? null,
      currency: item?.price.currency ?? null,
      currentPeriodEnd: fromUnix(item?.current_period_end),
      cancelAtPeriodEnd: sub.cancel_at_period_end,
      trialEnd: fromUnix(sub.trial_end),
      pastDueSince,
      endedAt: fromUnix(sub.ended_at),
    });
  }
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
}

async function openSubscription(userId: string, email: string, trialDays: number): Promise<{ customerId: string; sub: Stripe.Subscription }> {
  const customer = await app.client.customers.create({ email, metadata: { userId } });
  const session = await app.client.checkout.sessions.create({
    mode: "subscription",
    customer: customer.id,
    client_reference_id: userId,
    line_items: [{ price: month, quantity: 1 }],
    success_url: "http://localhost:3000/billing/success?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://localhost:3000/join?canceled=1",
    metadata: { userId },
    ...(trialDays > 0 ? { subscription_data: { trial_period_days: trialDays } } : {}),
  });
  if (!session.url) throw new Error("checkout session without a URL");
  const paid = await payCheckout(session.url, PAYING_CARD);
  if (paid.status !== 303) throw new Error(`paying answered ${paid.status}`);
  const [sub] = (await app.client.subscriptions.list({ customer: customer.id, status: "all" })).data;
  if (!sub) throw new Error("no subscription after paying");
  return { customerId: customer.id, sub };
}

/** The customer's events the stand-in has emitted so far, as raw webhook bodies by id. */
function eventsOf(customerId: string): Map<string, string> {
  return new Map(app.standin.events().filter((e) => e.customer === customerId).map((e) => [e.id, JSON.stringify(e.event)]));
}

/** One random change Stripe could make to the subscription; returns what it did. */
async function change(rng: Rng, subId: string): Promise<string> {
  const sub = await app.client.subscriptions.retrieve(subId);
  if (sub.status === "canceled") return "nothing (ended)";
  const item = sub.items.data[0];
  if (!item) throw new Error("subscription without an item");
  const pick = rng.int(0, 99);
  if (pick < 20 && sub.status !== "past_due") {
    await app.standin.setSubscriptionStatus(subId, "past_due");
    return "past_due";
  }
  if (pick < 40 && sub.status !== "active") {
    await app.standin.setSubscriptionStatus(subId, "active");
    return "active";
  }
  if (pick < 48 && sub.status !== "trialing") {
    await app.standin.setSubscriptionStatus(subId, "trialing");
    return "trialing";
  }
  if (pick < 62) {
    await app.client.subscriptions.update(subId, { cancel_at_period_end: !sub.cancel_at_period_end });
    return `cancel_at_period_end=${!sub.cancel_at_period_end}`;
  }
  if (pick < 76) {
    const price = item.price.id === month ? year : month;
    await app.client.subscriptions.update(subId, { items: [{ id: item.id, price }] });
    return `price ${price === month ? "month" : "year"}`;
  }
  if (pick < 96) {
    const days = rng.int(1, 40);
    await app.standin.advanceClock(days * DAY);
    return `${days} days pass`;
  }
  await app.client.subscriptions.cancel(subId);
  return "canceled now";
}

describe.each(databaseKinds())("Stripe webhooks interleaved with Stripe's changes on %s", (kind) => {
  const t = useTestDatabase(kind);

  async function deliver(payload: string): Promise<void> {
    const outcome = await handleStripeWebhook(payload, signatureFor(payload));
    expect(outcome.status).toBe(200);
  }

  const mirror = (customerId: string) =>
    t.db
      .select({
        id: subscriptions.id,
        customerId: subscriptions.customerId,
        userId: subscriptions.userId,
        status: subscriptions.status,
        priceId: subscriptions.priceId,
        interval: subscriptions.interval,
        unitAmount: subscriptions.unitAmount,
        currency: subscriptions.currency,
        currentPeriodEnd: subscriptions.currentPeriodEnd,
        cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
        trialEnd: subscriptions.trialEnd,
        pastDueSince: subscriptions.pastDueSince,
        endedAt: subscriptions.endedAt,
      })
      .from(subscriptions)
      .where(eq(subscriptions.customerId, customerId))
      .orderBy(asc(subscriptions.id));

  it("past_due → active → past_due with the middle never seen: pastDueSince is the second episode's start", async () => {
    const email = `episodes-${kind}-${Date.now()}@example.com`;
    const userId = await insertReader(t.db, email);
    const { customerId, sub } = await openSubscription(userId, email, 0);
    const deliverAll = async (): Promise<void> => {
      for (const payload of eventsOf(customerId).values()) await deliver(payload);
    };
    await app.standin.setSubscriptionStatus(sub.id, "past_due");
    const firstEpisode = new Date(app.standin.now() * 1000);
    await deliverAll();
    expect((await mirror(customerId))[0]?.pastDueSince).toEqual(firstEpisode);

    await app.standin.advanceClock(3 * DAY);
    await app.standin.setSubscriptionStatus(sub.id, "active");
    await app.standin.advanceClock(2 * DAY);
    await app.standin.setSubscriptionStatus(sub.id, "past_due");
    const secondEpisode = new Date(app.standin.now() * 1000);
    await deliverAll();
    const [row] = await mirror(customerId);
    expect(row?.status).toBe("past_due");
    expect(row?.pastDueSince).toEqual(secondEpisode);
    // Five days of the stand-in's clock apart (its clock also runs with the wall clock).
    expect(secondEpisode.getTime() - firstEpisode.getTime() - 5 * DAY * 1000).toBeGreaterThanOrEqual(0);
    expect(secondEpisode.getTime() - firstEpisode.getTime() - 5 * DAY * 1000).toBeLessThan(60_000);
    await app.client.subscriptions.cancel(sub.id);
  });

  it(`${TRIALS} seeded histories, deliveries interleaved, repeated and reordered: mirror = Stripe, every field`, async () => {
    const seed = propertySeed();
    for (let trial = 0; trial < TRIALS; trial++) {
      const rng = mulberry32(seed + trial);
      const log: string[] = [];
      const email = `interleaved-${kind}-${trial}-${Date.now()}@example.com`;
      const userId = await insertReader(t.db, email);
      const { customerId, sub } = await openSubscription(userId, email, rng.int(0, 1) * 14);
      const delivered = new Set<string>();
      const deliverSome = async (count: number): Promise<void> => {
        const known = eventsOf(customerId);
        const pending = [...known.keys()].filter((id) => !delivered.has(id));
        const old = [...delivered];
        const batch = rng.shuffle([...rng.shuffle(pending).slice(0, count), ...rng.shuffle(old).slice(0, rng.int(0, 2))]);
        for (const id of batch) {
          const payload = known.get(id);
          if (payload === undefined) throw new Error(`event ${id} vanished`);
          await deliver(payload);
          delivered.add(id);
        }
        log.push(`deliver ${batch.length}`);
      };
      try {
        for (let step = 0; step < STEPS; step++) {
          if (rng.next() < 0.5) log.push(await change(rng, sub.id));
          else await deliverSome(rng.int(1, 4));
        }
        // Everything still undelivered, shuffled and partly repeated, as Stripe's retries would.
        const known = eventsOf(customerId);
        const rest = [...known.keys()].filter((id) => !delivered.has(id));
        const copies = rest.flatMap((id) => Array.from({ length: rng.int(1, 2) }, () => id));
        for (const id of rng.shuffle(copies)) await deliver(known.get(id) ?? "");
        log.push(`deliver the remaining ${rest.length}`);
        expect(await mirror(customerId)).toEqual(await stripeRows(customerId, userId));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`interleaved webhooks failed on ${kind}, trial ${trial} (replay: PROPERTY_SEED=${seed}): ${log.join(" → ")}\n${message}`, {
          cause: error,
        });
      }
      // Ended, so later clock jumps do not renew it for the trials after this one.
      if ((await app.client.subscriptions.retrieve(sub.id)).status !== "canceled") await app.client.subscriptions.cancel(sub.id);
    }
  }, 300_000);
});
