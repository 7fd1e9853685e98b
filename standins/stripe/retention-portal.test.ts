/** The stand-in's coupons, discounts on subscriptions, cancellation details, Checkout expiry and portal configurations, through the real SDK. */
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payCheckout, PAYING_CARD } from "@/test-support/stripe-standin";
import { startStripeStandin, type StripeStandin } from "./server";

let standin: StripeStandin;
let stripe: Stripe;
let monthly: Stripe.Price;

beforeAll(async () => {
  standin = await startStripeStandin({ port: 0, webhookSecret: "whsec_test" });
  stripe = new Stripe("sk_test_standin", { host: "localhost", port: standin.port, protocol: "http", maxNetworkRetries: 0 });
  monthly = (await stripe.prices.list({ lookup_keys: ["esm_monthly"] })).data[0]!;
});
afterAll(async () => standin.close());

async function paidSubscription(): Promise<Stripe.Subscription> {
  const customer = await stripe.customers.create({ email: `c-${Date.now()}@example.com` });
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer: customer.id,
    line_items: [{ price: monthly.id, quantity: 1 }],
    success_url: "http://localhost:3000/ok",
  });
  expect((await payCheckout(session.url!, PAYING_CARD)).status).toBe(303);
  const done = await stripe.checkout.sessions.retrieve(session.id);
  return stripe.subscriptions.retrieve(String(done.subscription));
}

describe("coupons and discounts", () => {
  it("creates and retrieves a coupon, refusing a duplicate id and a bad shape", async () => {
    const c = await stripe.coupons.create({ id: "HALF1", percent_off: 50, duration: "once" });
    expect(await stripe.coupons.retrieve("HALF1")).toMatchObject({ id: c.id, object: "coupon", percent_off: 50, duration: "once", valid: true });
    await expect(stripe.coupons.create({ id: "HALF1", percent_off: 50, duration: "once" })).rejects.toThrow(/already exists/);
    await expect(stripe.coupons.create({ duration: "repeating", percent_off: 10 })).rejects.toThrow(/duration_in_months/);
    await expect(stripe.coupons.retrieve("NOPE")).rejects.toMatchObject({ code: "resource_missing" });
  });

  it("a once coupon on a subscription halves the next invoice only", async () => {
    const sub = await paidSubscription();
    const updated = await stripe.subscriptions.update(sub.id, { discounts: [{ coupon: "HALF1" }] });
    expect(updated.discounts).toHaveLength(1);
    await expect(stripe.subscriptions.update(sub.id, { discounts: [{ coupon: "MISSING" }] })).rejects.toMatchObject({ code: "resource_missing" });
    await standin.advanceClock(32 * 86_400);
    await standin.advanceClock(31 * 86_400);
    const cycles = (await stripe.invoices.list({ subscription: sub.id, limit: 10 })).data.filter((i) => i.billing_reason === "subscription_cycle");
    expect(cycles.map((i) => i.amount_paid).reverse()).toEqual([monthly.unit_amount! / 2, monthly.unit_amount]);
  });

  it("keeps cancellation_details with a cancellation, and refuses a reason Stripe does not know", async () => {
    const sub = await paidSubscription();
    const cancelled = await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true, cancellation_details: { feedback: "unused", comment: "No time." } });
    expect(cancelled.cancellation_details).toEqual({ feedback: "unused", comment: "No time.", reason: "cancellation_requested" });
    await expect(
      stripe.subscriptions.update(sub.id, { cancellation_details: { feedback: "bored" as Stripe.SubscriptionUpdateParams.CancellationDetails.Feedback } }),
    ).rejects.toThrow(/cancellation_details\[feedback\]/);
  });
});

describe("Checkout expiry and portal configurations", () => {
  it("takes expires_at between 30 minutes and 24 hours, and Checkout collects the email when no customer is given", async () => {
    const base = { mode: "subscription" as const, line_items: [{ price: monthly.id, quantity: 1 }], success_url: "http://localhost:3000/ok" };
    const now = Math.floor(Date.now() / 1000);
    const s = await stripe.checkout.sessions.create({ ...base, expires_at: now + 3600 });
    expect(s.expires_at).toBe(now + 3600);
    await expect(stripe.checkout.sessions.create({ ...base, expires_at: now + 60 })).rejects.toThrow(/expires_at/);
    const page = await (await fetch(s.url!)).text();
    expect(page).toMatch(/<input id="email" name="email" type="email"[^>]* required/);
  });

  it("creates, lists and updates a configuration, checking products and reasons", async () => {
    const product = String(monthly.product);
    const c = await stripe.billingPortal.configurations.create({
      features: { invoice_history: { enabled: true }, subscription_update: { enabled: true, default_allowed_updates: ["price"], products: [{ product, prices: [monthly.id] }] } },
      metadata: { mine: "yes" },
    });
    expect(c.features.subscription_update.products).toEqual([expect.objectContaining({ product, prices: [monthly.id] })]);
    const updated = await stripe.billingPortal.configurations.update(c.id, { features: { subscription_cancel: { enabled: true, mode: "at_period_end", cancellation_reason: { enabled: true, options: ["unused"] } } } });
    expect(updated.features.subscription_cancel).toMatchObject({ enabled: true, cancellation_reason: { enabled: true, options: ["unused"] } });
    expect(updated.features.invoice_history.enabled).toBe(true);
    expect((await stripe.billingPortal.configurations.list()).data.map((x) => x.id)).toContain(c.id);
    await expect(
      stripe.billingPortal.configurations.create({ features: { subscription_update: { enabled: true, default_allowed_updates: ["price"], products: [{ product: "prod_nope", prices: [] }] } } }),
    ).rejects.toMatchObject({ code: "resource_missing" });
  });
});
