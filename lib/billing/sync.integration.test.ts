/**
 * Billing against the local Stripe stand-in (the real `stripe` SDK over HTTP) and a real
 * database (PGlite, and PostgreSQL when DATABASE_URL is set): customer creation, checkout
 * paid through the hosted page like a browser, the mirror `syncCustomer` keeps, and what
 * the access rule makes of it.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { subscriptions, users } from "@/db/schema";
import { hasPaidAccess, membershipStatus, type AccessPolicy } from "@/lib/access/rule";
import { config } from "@/lib/env";
import { insertReader, mirrorFacts, stripeFacts } from "@/test-support/billing-facts";
import {
  checkoutSessionId,
  DECLINED_CARD,
  gatedStripe,
  PAYING_CARD,
  payCheckout,
  startAppStandin,
  type AppStandin,
} from "@/test-support/stripe-standin";
import { viewerForUser } from "@/lib/auth/viewer-facts";
import { cancelCustomer } from "./cancel";
import { startCheckout, startPortal } from "./checkout";
import { ensureCustomer } from "./customer";
import { listPlans, type Plan } from "./plans";
import { setStripeForTests, stripe } from "./stripe";
import { syncCustomer } from "./sync";


const APP_URL = "http://localhost:3000";
const HOUR = 3600;

let app: AppStandin;
let monthly: Plan;

// One stand-in for the file: listPlans() caches price ids per process, so every database run
// must talk to the same catalog.
beforeAll(async () => {
  app = await startAppStandin();
  const plans = await listPlans();
  const month = plans.find((p) => p.interval === "month");
  if (!month) throw new Error("the stand-in has no monthly plan");
  monthly = month;
});
afterAll(async () => app.close());

const policy = (now = new Date()): AccessPolicy => ({ now, paymentGraceDays: config().paymentGraceDays });

let counter = 0;
const uniqueEmail = (label: string) => `${label}-${++counter}-${Date.now()}@example.com`;

describe.each(databaseKinds())("billing sync on %s", (kind) => {
  const t = useTestDatabase(kind);

  const access = async (userId: string) => hasPaidAccess(await viewerForUser(userId), policy());
  const customerOnUser = async (userId: string) =>
    (await t.db.select({ c: users.stripeCustomerId }).from(users).where(eq(users.id, userId)))[0]?.c ?? null;
  const rowsOf = (customerId: string) => t.db.select().from(subscriptions).where(eq(subscriptions.customerId, customerId));

  /** A reader with a Stripe customer and an open checkout session for the monthly plan. */
  async function readerAtCheckout(label: string) {
    const email = uniqueEmail(label);
    const userId = await insertReader(t.db, email);
    const started = await startCheckout(userId, "month", "/p/some-piece");
    if (started.kind !== "redirect") throw new Error(`expected a checkout URL for ${email}, got ${started.kind}`);
    const customerId = await customerOnUser(userId);
    if (!customerId) throw new Error(`startCheckout stored no customer for ${email}`);
    return { email, userId, customerId, url: started.url };
  }

  async function payingReader(label: string) {
    const r = await readerAtCheckout(label);
    const paid = await payCheckout(r.url, PAYING_CARD);
    expect(paid.status).toBe(303);
    await syncCustomer(r.customerId);
    expect(await access(r.userId)).toBe(true);
    return r;
  }

  describe("ensureCustomer", () => {
    it("creates the Stripe customer once and stores it on the user", async () => {
      const email = uniqueEmail("customer");
      const userId = await insertReader(t.db, email);
      const first = await ensureCustomer(userId);
      const second = await ensureCustomer(userId);
      expect(second).toBe(first);
      expect(first).toMatch(/^cus_/);
      expect(await customerOnUser(userId)).toBe(first);
      const inStripe = await app.client.customers.list({ email });
      expect(inStripe.data.map((c) => c.id)).toEqual([first]);
      expect(inStripe.data[0]?.metadata).toEqual({ userId });
    });

    it("concurrent calls still make one customer", async () => {
      const email = uniqueEmail("customer-race");
      const userId = await insertReader(t.db, email);
      const ids = await Promise.all([ensureCustomer(userId), ensureCustomer(userId), ensureCustomer(userId)]);
      expect(new Set(ids).size).toBe(1);
      expect(await customerOnUser(userId)).toBe(ids[0]);
      expect((await app.client.customers.list({ email })).data).toHaveLength(1);
    });

    it("refuses an unknown user", async () => {
      await expect(ensureCustomer(crypto.randomUUID())).rejects.toThrow(/no user/);
    });
  });

  describe("a reader who subscribes, then cancels at period end", () => {
    let reader: Awaited<ReturnType<typeof readerAtCheckout>>;
    let subscriptionId: string;

    it("startCheckout returns the stand-in's hosted checkout URL", async () => {
      reader = await readerAtCheckout("subscriber");
      expect(reader.url.startsWith(`${app.standin.url}/checkout/cs_test_`)).toBe(true);
      const sessionId = checkoutSessionId(reader.url);
      const session = await app.client.checkout.sessions.retrieve(sessionId);
      expect(session).toMatchObject({
        mode: "subscription",
        status: "open",
        customer: reader.customerId,
        client_reference_id: reader.userId,
        metadata: { userId: reader.userId },
        success_url: `${APP_URL}/billing/success?session_id={CHECKOUT_SESSION_ID}&next=%2Fp%2Fsome-piece`,
        cancel_url: `${APP_URL}/join?next=%2Fp%2Fsome-piece&canceled=1`,
      });
      const lines = await app.client.checkout.sessions.listLineItems(sessionId);
      expect(lines.data.map((l) => l.price?.id)).toEqual([monthly.priceId]);
      // Nothing is paid yet: nothing to mirror, no access.
      expect(await syncCustomer(reader.customerId)).toEqual({
        customerId: reader.customerId,
        userId: reader.userId,
        subscriptions: 0,
        deleted: false,
      });
      expect(await access(reader.userId)).toBe(false);
    });

    it("paying with 4242… makes an active subscription that syncCustomer mirrors, and access follows", async () => {
      const paid = await payCheckout(reader.url, PAYING_CARD);
      expect(paid.status).toBe(303);
      expect(paid.location).toBe(
        `${APP_URL}/billing/success?session_id=${checkoutSessionId(reader.url)}&next=%2Fp%2Fsome-piece`,
      );
      // Stripe knows, the mirror does not yet: no access until a sync.
      expect(await access(reader.userId)).toBe(false);

      expect(await syncCustomer(reader.customerId)).toEqual({
        customerId: reader.customerId,
        userId: reader.userId,
        subscriptions: 1,
        deleted: false,
      });
      const facts = await stripeFacts(app.client, reader.customerId);
      expect(facts).toHaveLength(1);
      expect(facts[0]).toMatchObject({ status: "active", priceId: monthly.priceId, interval: "month", cancelAtPeriodEnd: false });
      expect(await mirrorFacts(t.db, reader.customerId)).toEqual(facts);
      subscriptionId = facts[0]?.id ?? "";

      const [row] = await rowsOf(reader.customerId);
      expect(row).toMatchObject({
        userId: reader.userId,
        unitAmount: monthly.unitAmount,
        currency: monthly.currency,
        pastDueSince: null,
        endedAt: null,
        trialEnd: null,
      });
      expect(row?.currentPeriodEnd?.getTime()).toBeGreaterThan(Date.now());

      const viewer = await viewerForUser(reader.userId);
      expect(hasPaidAccess(viewer, policy())).toBe(true);
      expect(membershipStatus(viewer, policy())).toBe("paying");
    });

    it("syncing again changes nothing but the sync time", async () => {
      const strip = (rows: Awaited<ReturnType<typeof rowsOf>>) => rows.map(({ syncedAt: _s, ...rest }) => rest);
      const before = strip(await rowsOf(reader.customerId));
      await syncCustomer(reader.customerId);
      await syncCustomer(reader.customerId);
      expect(strip(await rowsOf(reader.customerId))).toEqual(before);
    });

    it("startCheckout for a paying reader returns already-subscribed; the portal opens", async () => {
      expect(await startCheckout(reader.userId, "year", "/")).toEqual({ kind: "already-subscribed" });
      expect(await startCheckout(reader.userId, "month", "/")).toEqual({ kind: "already-subscribed" });
      const portal = await startPortal(reader.userId);
      expect(portal.startsWith(`${app.standin.url}/portal/`)).toBe(true);
      expect((await fetch(portal)).status).toBe(200);
    });

    it("cancel_at_period_end keeps access until the period is over, then sync makes it canceled", async () => {
      await stripe().subscriptions.update(subscriptionId, { cancel_at_period_end: true });
      await syncCustomer(reader.customerId);
      const [row] = await rowsOf(reader.customerId);
      expect(row).toMatchObject({ status: "active", cancelAtPeriodEnd: true });
      const periodEnd = row?.currentPeriodEnd;
      if (!periodEnd) throw new Error("no current period end");
      expect(await access(reader.userId)).toBe(true);

      // The rule itself: paid up to the period end, not at it (even before Stripe says canceled).
      const viewer = await viewerForUser(reader.userId);
      expect(hasPaidAccess(viewer, policy(new Date(periodEnd.getTime() - 1000)))).toBe(true);
      expect(hasPaidAccess(viewer, policy(periodEnd))).toBe(false);

      // An hour before the period end Stripe still has it active.
      const periodEndUnix = Math.floor(periodEnd.getTime() / 1000);
      await app.standin.advanceClock(periodEndUnix - app.standin.now() - HOUR);
      await syncCustomer(reader.customerId);
      expect((await rowsOf(reader.customerId))[0]).toMatchObject({ status: "active", cancelAtPeriodEnd: true });
      expect(await access(reader.userId)).toBe(true);

      // Past it: Stripe ends the subscription; the mirror follows on the next sync.
      await app.standin.advanceClock(2 * HOUR);
      expect((await stripeFacts(app.client, reader.customerId))[0]?.status).toBe("canceled");
      await syncCustomer(reader.customerId);
      const [ended] = await rowsOf(reader.customerId);
      expect(ended).toMatchObject({ status: "canceled", cancelAtPeriodEnd: true });
      expect(ended?.endedAt).toEqual(periodEnd);
      expect(await mirrorFacts(t.db, reader.customerId)).toEqual(await stripeFacts(app.client, reader.customerId));
      const after = await viewerForUser(reader.userId);
      expect(hasPaidAccess(after, policy())).toBe(false);
      expect(membershipStatus(after, policy())).toBe("free");
    });

    it("a reader whose subscription ended can check out again", async () => {
      const again = await startCheckout(reader.userId, "year", "/");
      expect(again.kind).toBe("redirect");
      expect(await customerOnUser(reader.userId)).toBe(reader.customerId);
    });
  });

  it("the declined card 4000… creates nothing and access stays off", async () => {
    const reader = await readerAtCheckout("declined");
    const declined = await payCheckout(reader.url, DECLINED_CARD);
    expect(declined.status).toBe(402);
    expect(declined.html).toContain("Your card was declined.");
    expect(declined.location).toBeNull();
    expect((await app.client.checkout.sessions.retrieve(checkoutSessionId(reader.url))).status).toBe("open");
    expect(await stripeFacts(app.client, reader.customerId)).toEqual([]);
    expect((await syncCustomer(reader.customerId)).subscriptions).toBe(0);
    expect(await rowsOf(reader.customerId)).toEqual([]);
    expect(await access(reader.userId)).toBe(false);
    expect(await startCheckout(reader.userId, "month", "/")).toMatchObject({ kind: "redirect" });
  });

  it("deleting the customer (cancelCustomer) ends access and unlinks the customer", async () => {
    const reader = await payingReader("deleted");
    await cancelCustomer(reader.customerId);
    const gone = await app.client.customers.retrieve(reader.customerId);
    expect(gone.deleted).toBe(true);
    expect((await stripeFacts(app.client, reader.customerId)).map((f) => f.status)).toEqual(["canceled"]);
    const rows = await rowsOf(reader.customerId);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe("canceled");
    expect(rows[0]?.endedAt).toBeInstanceOf(Date);
    expect(await customerOnUser(reader.userId)).toBeNull();
    expect(await access(reader.userId)).toBe(false);
    // A late signal for the deleted customer converges to the same state.
    expect(await syncCustomer(reader.customerId)).toMatchObject({ deleted: true, subscriptions: 0 });
    expect((await rowsOf(reader.customerId))[0]?.status).toBe("canceled");
  });

  // syncCustomer takes the per-customer lock before it reads Stripe, so an older read never lands last.
  it("a sync that read Stripe earlier does not overwrite a newer sync", async () => {
    const reader = await payingReader("stale-read");
    const [sub] = await stripeFacts(app.client, reader.customerId);
    if (!sub) throw new Error("no subscription");
    const gate = gatedStripe(app);
    setStripeForTests(gate.client);
    try {
      // Sync A reads Stripe (cancel_at_period_end: false) and is held just after the read.
      const held = gate.holdNext("GET", /^\/v1\/subscriptions\?/);
      const syncA = syncCustomer(reader.customerId);
      await Promise.race([
        held.reached,
        new Promise((_, reject) => setTimeout(() => reject(new Error("sync A never listed subscriptions")), 5000)),
      ]);
      // Meanwhile the reader cancels at period end and sync B (e.g. for that webhook) runs to the end.
      await app.client.subscriptions.update(sub.id, { cancel_at_period_end: true });
      await syncCustomer(reader.customerId);
      expect((await rowsOf(reader.customerId))[0]?.cancelAtPeriodEnd).toBe(true);
      // A goes on with what it read.
      held.release();
      await syncA;
    } finally {
      setStripeForTests(app.client);
    }
    expect(await mirrorFacts(t.db, reader.customerId)).toEqual(await stripeFacts(app.client, reader.customerId));
  });

  it(`(${kind}) a customer created outside the app is linked to its user through metadata.userId`, async () => {
    const email = uniqueEmail("linked");
    const userId = await insertReader(t.db, email);
    const customer = await app.client.customers.create({ email, metadata: { userId } });
    expect(await syncCustomer(customer.id)).toEqual({ customerId: customer.id, userId, subscriptions: 0, deleted: false });
    expect(await customerOnUser(userId)).toBe(customer.id);
  });
});
