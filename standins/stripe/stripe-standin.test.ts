/**
 * Drives the Stripe stand-in with the real `stripe` SDK and a webhook receiver that checks
 * signatures with stripe.webhooks.constructEvent. Run: npx vitest run standins/stripe
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseForm } from "./form-body";
import { startStripeStandin, type StripeStandin } from "./server";
import {
  field,
  formWithButton,
  inputLabelled,
  startWebhookReceiver,
  submitForm,
  type WebhookReceiver,
} from "@/test-support/stripe-webhook-receiver";

const SECRET = "whsec_test_standin_secret";
const DAY = 86_400;
const APP = "http://localhost:3000";

function sdkFor(standin: StripeStandin, key = "sk_test_standin"): Stripe {
  return new Stripe(key, { host: "localhost", port: standin.port, protocol: "http", maxNetworkRetries: 0 });
}

let standin: StripeStandin;
let stripe: Stripe;
let hooks: WebhookReceiver;
let monthly: Stripe.Price;
let yearly: Stripe.Price;

beforeAll(async () => {
  hooks = await startWebhookReceiver(SECRET);
  standin = await startStripeStandin({
    port: 0,
    webhookUrl: hooks.url,
    webhookSecret: SECRET,
    webhookRetryDelaysMs: [20, 40, 60],
  });
  stripe = sdkFor(standin);
  const prices = await stripe.prices.list({ lookup_keys: ["esm_monthly", "esm_yearly"], active: true });
  const byKey = new Map(prices.data.map((p) => [p.lookup_key, p]));
  monthly = byKey.get("esm_monthly")!;
  yearly = byKey.get("esm_yearly")!;
});

afterAll(async () => {
  await standin.close();
  await hooks.close();
});

afterEach(() => {
  hooks.failNext(0);
  hooks.failAlways(false);
});

async function newCustomer(email: string): Promise<Stripe.Customer> {
  return stripe.customers.create({ email, name: "Test Reader", metadata: { userId: email } });
}

async function openSession(
  customer: Stripe.Customer,
  price: Stripe.Price,
  extra: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Promise<Stripe.Checkout.Session> {
  return stripe.checkout.sessions.create({
    mode: "subscription",
    customer: customer.id,
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: `${APP}/account?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${APP}/subscribe?checkout=canceled`,
    client_reference_id: `user_${customer.id}`,
    metadata: { source: "test" },
    ...extra,
  });
}

/** Opens the hosted checkout page and pays with the given card, as a browser would. */
async function payInBrowser(session: Stripe.Checkout.Session, card = "4242 4242 4242 4242"): Promise<Response> {
  const page = await fetch(session.url!);
  expect(page.status).toBe(200);
  const form = formWithButton(await page.text(), "Pay");
  return submitForm(session.url!, form, { card_number: card });
}

/** Subscribes a fresh customer to `price` through checkout and returns both. */
async function subscribe(
  email: string,
  price: Stripe.Price = monthly,
): Promise<{ customer: Stripe.Customer; sub: Stripe.Subscription }> {
  const customer = await newCustomer(email);
  const session = await openSession(customer, price);
  const paid = await payInBrowser(session);
  expect(paid.status).toBe(303);
  const list = await stripe.subscriptions.list({ customer: customer.id });
  expect(list.data).toHaveLength(1);
  return { customer, sub: list.data[0]! };
}

function eventTypes(customerId: string): string[] {
  return hooks.ofCustomer(customerId).map((r) => r.event.type);
}

describe("customers", () => {
  it("creates, retrieves, updates, lists by email and deletes", async () => {
    const created = await stripe.customers.create({ email: "crud@example.com", name: "Ada", metadata: { userId: "u1" } });
    expect(created.id).toMatch(/^cus_\w{24}$/);
    expect(created.object).toBe("customer");
    expect(created.metadata).toEqual({ userId: "u1" });

    const fetched = await stripe.customers.retrieve(created.id);
    expect(fetched.deleted).toBeUndefined();
    expect(fetched).toMatchObject({ id: created.id, email: "crud@example.com", name: "Ada" });

    const updated = await stripe.customers.update(created.id, { name: "Ada L.", metadata: { userId: "", plan: "monthly" } });
    expect(updated.name).toBe("Ada L.");
    expect(updated.metadata).toEqual({ plan: "monthly" });

    await stripe.customers.create({ email: "someone-else@example.com" });
    const listed = await stripe.customers.list({ email: "crud@example.com", limit: 1 });
    expect(listed.object).toBe("list");
    expect(listed.data.map((c) => c.id)).toEqual([created.id]);

    const deleted = await stripe.customers.del(created.id);
    expect(deleted).toMatchObject({ id: created.id, object: "customer", deleted: true });
    const afterDelete = await stripe.customers.retrieve(created.id);
    expect(afterDelete.deleted).toBe(true);
    expect((await stripe.customers.list({ email: "crud@example.com" })).data).toHaveLength(0);
  });

  it("answers unknown ids with Stripe's 404 error shape", async () => {
    const error = await stripe.customers.retrieve("cus_missing").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    const stripeError = error as Stripe.errors.StripeInvalidRequestError;
    expect(stripeError.statusCode).toBe(404);
    expect(stripeError.code).toBe("resource_missing");
    expect(stripeError.message).toBe("No such customer: 'cus_missing'");
  });

  it("deleting a customer cancels its subscriptions and emits the events", async () => {
    const { customer, sub } = await subscribe("delete-me@example.com");
    await stripe.customers.del(customer.id);
    const after = await stripe.subscriptions.retrieve(sub.id);
    expect(after.status).toBe("canceled");
    await standin.flushWebhooks();
    expect(eventTypes(customer.id).slice(-2)).toEqual(["customer.subscription.deleted", "customer.deleted"]);
  });
});

describe("auth and idempotency", () => {
  it("rejects keys that are not test keys with 401", async () => {
    const live = sdkFor(standin, "sk_live_123456789");
    const error = await live.customers.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect((error as Stripe.errors.StripeError).statusCode).toBe(401);
    const raw = await fetch(`${standin.url}/v1/customers`);
    expect(raw.status).toBe(401);
    expect(await raw.json()).toMatchObject({ error: { type: "invalid_request_error" } });
    await expect(sdkFor(standin, "rk_test_restricted").customers.list({ limit: 1 })).resolves.toMatchObject({ object: "list" });
  });

  it("replays a POST with the same Idempotency-Key instead of creating twice", async () => {
    const email = "idem@example.com";
    const first = await stripe.customers.create({ email }, { idempotencyKey: "key-1" });
    const second = await stripe.customers.create({ email }, { idempotencyKey: "key-1" });
    expect(second.id).toBe(first.id);
    expect((await stripe.customers.list({ email })).data).toHaveLength(1);
    const conflict = await stripe.customers.create({ email: "other@example.com" }, { idempotencyKey: "key-1" }).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });
});

describe("products and prices", () => {
  it("seeds ESM Insight with esm_monthly and esm_yearly, found by lookup_keys", async () => {
    expect(monthly).toMatchObject({ object: "price", unit_amount: 800, currency: "usd", lookup_key: "esm_monthly" });
    expect(monthly.recurring?.interval).toBe("month");
    expect(yearly).toMatchObject({ unit_amount: 8000, currency: "usd", lookup_key: "esm_yearly" });
    expect(yearly.recurring?.interval).toBe("year");
    expect(monthly.id).toMatch(/^price_/);

    const one = await stripe.prices.list({ lookup_keys: ["esm_yearly"], expand: ["data.product"] });
    expect(one.data.map((p) => p.id)).toEqual([yearly.id]);
    const product = one.data[0]!.product as Stripe.Product;
    expect(product.name).toBe("ESM Insight");
    expect(product.id).toMatch(/^prod_/);
    expect((await stripe.prices.retrieve(monthly.id)).unit_amount).toBe(800);
  });

  it("creates products and prices", async () => {
    const product = await stripe.products.create({ name: "Gift" });
    const price = await stripe.prices.create({
      product: product.id,
      unit_amount: 1500,
      currency: "usd",
      recurring: { interval: "month" },
      lookup_key: "gift_monthly",
      nickname: "Gift",
    });
    expect(price).toMatchObject({ product: product.id, unit_amount: 1500, nickname: "Gift", type: "recurring" });
    expect((await stripe.products.retrieve(product.id)).name).toBe("Gift");
    const dup = await stripe.prices
      .create({ product: product.id, unit_amount: 1, currency: "usd", lookup_key: "gift_monthly" })
      .catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  });
});

describe("checkout", () => {
  it("creates and retrieves a session", async () => {
    const customer = await newCustomer("checkout@example.com");
    const session = await openSession(customer, monthly);
    expect(session.id).toMatch(/^cs_test_/);
    expect(session).toMatchObject({
      object: "checkout.session",
      status: "open",
      payment_status: "unpaid",
      customer: customer.id,
      subscription: null,
      mode: "subscription",
      client_reference_id: `user_${customer.id}`,
      metadata: { source: "test" },
      cancel_url: `${APP}/subscribe?checkout=canceled`,
    });
    expect(session.url).toBe(`${standin.url}/checkout/${session.id}`);
    const again = await stripe.checkout.sessions.retrieve(session.id);
    expect(again.id).toBe(session.id);
    expect(again.status).toBe("open");
  });

  it("rejects bad sessions like Stripe does", async () => {
    const customer = await newCustomer("bad-session@example.com");
    const unknownPrice = await stripe.checkout.sessions
      .create({ mode: "subscription", customer: customer.id, line_items: [{ price: "price_nope", quantity: 1 }], success_url: `${APP}/ok` })
      .catch((e: unknown) => e);
    expect(unknownPrice).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((unknownPrice as Stripe.errors.StripeError).param).toBe("line_items[0][price]");
    const both = await stripe.checkout.sessions
      .create({
        mode: "subscription",
        customer: customer.id,
        customer_email: "x@example.com",
        line_items: [{ price: monthly.id, quantity: 1 }],
        success_url: `${APP}/ok`,
      })
      .catch((e: unknown) => e);
    expect((both as Stripe.errors.StripeError).statusCode).toBe(400);
  });

  it("renders an accessible checkout page", async () => {
    const customer = await newCustomer("page@example.com");
    const session = await openSession(customer, monthly);
    const response = await fetch(session.url!);
    const html = await response.text();
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(html).toContain("Test mode: no real card is charged");
    expect(html).toContain("ESM Insight");
    expect(html).toContain("$8.00 per month");
    expect(inputLabelled(html, "Card number")).toContain('value="4242 4242 4242 4242"');
    const email = inputLabelled(html, "Email");
    expect(email).toContain('value="page@example.com"');
    expect(email).toContain("readonly");
    expect(html).toMatch(/<button type="submit">Pay<\/button>/);
    expect(html).toContain(`<a href="${APP}/subscribe?checkout=canceled">← Back</a>`);
    expect(formWithButton(html, "Pay").action).toBe(`/checkout/${session.id}/pay`);
  });

  it("paying with 4242 creates an active subscription, completes the session and redirects", async () => {
    const customer = await newCustomer("pay@example.com");
    const session = await openSession(customer, monthly);
    const before = standin.now();
    const paid = await payInBrowser(session);
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(`${APP}/account?checkout=success&session_id=${session.id}`);

    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["subscription"] });
    expect(done.status).toBe("complete");
    expect(done.payment_status).toBe("paid");
    const sub = done.subscription as Stripe.Subscription;
    expect(sub.id).toMatch(/^sub_/);
    expect(sub.status).toBe("active");
    expect(sub.customer).toBe(customer.id);
    const item = sub.items.data[0]!;
    expect(item.id).toMatch(/^si_/);
    expect(item.price.id).toBe(monthly.id);
    expect(item.price.recurring?.interval).toBe("month");
    expect(item.current_period_start).toBeGreaterThanOrEqual(before);
    const length = item.current_period_end - item.current_period_start;
    expect(length).toBeGreaterThanOrEqual(28 * DAY);
    expect(length).toBeLessThanOrEqual(31 * DAY);
    expect(field(sub, "current_period_end")).toBe(item.current_period_end);
    expect(sub.latest_invoice).toMatch(/^in_/);

    const revisit = await fetch(session.url!, { redirect: "manual" });
    expect(revisit.status).toBe(303);
    expect(revisit.headers.get("location")).toBe(`${APP}/account?checkout=success&session_id=${session.id}`);

    await standin.flushWebhooks();
    expect(eventTypes(customer.id)).toEqual(["checkout.session.completed", "customer.subscription.created", "invoice.paid"]);
    const completed = hooks.ofCustomer(customer.id)[0]!.event;
    if (completed.type !== "checkout.session.completed") throw new Error("wrong event");
    expect(completed.data.object.subscription).toBe(sub.id);
    expect(completed.data.object.client_reference_id).toBe(`user_${customer.id}`);
    const invoiceEvent = hooks.ofCustomer(customer.id)[2]!.event;
    if (invoiceEvent.type !== "invoice.paid") throw new Error("wrong event");
    const invoice = invoiceEvent.data.object;
    expect(invoice.id).toMatch(/^in_/);
    expect(invoice.amount_paid).toBe(800);
    expect(invoice.hosted_invoice_url).toMatch(new RegExp(`/invoices/${invoice.id}$`));
    expect(field(invoice, "subscription")).toBe(sub.id);
    expect(invoice.parent?.subscription_details?.subscription).toBe(sub.id);
  });

  it("creates the customer from customer_email when no customer is given", async () => {
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      customer_email: "new-reader@example.com",
      line_items: [{ price: yearly.id, quantity: 1 }],
      success_url: `${APP}/ok?id={CHECKOUT_SESSION_ID}`,
    });
    expect((await payInBrowser(session)).status).toBe(303);
    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["customer"] });
    const customer = done.customer as Stripe.Customer;
    expect(customer.email).toBe("new-reader@example.com");
    const sub = await stripe.subscriptions.retrieve(String(done.subscription));
    const item = sub.items.data[0]!;
    expect(item.price.recurring?.interval).toBe("year");
    expect(item.current_period_end - item.current_period_start).toBeGreaterThanOrEqual(365 * DAY);
  });

  it("declines 4000 0000 0000 0002 with an alert and creates nothing", async () => {
    const customer = await newCustomer("declined@example.com");
    const session = await openSession(customer, monthly);
    const declined = await payInBrowser(session, "4000 0000 0000 0002");
    expect(declined.status).toBe(402);
    const html = await declined.text();
    expect(html).toMatch(/role="alert"[^>]*>Your card was declined\. Try another card\.</);
    expect(inputLabelled(html, "Card number")).toContain('value="4000 0000 0000 0002"');

    const invalid = await payInBrowser(session, "1234 5678");
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain("Your card number is invalid.");

    expect((await stripe.subscriptions.list({ customer: customer.id, status: "all" })).data).toHaveLength(0);
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
    await standin.flushWebhooks();
    expect(eventTypes(customer.id)).toEqual([]);
  });

  it("starts a trial when subscription_data.trial_period_days is set, and activates it at trial end", async () => {
    const customer = await newCustomer("trial@example.com");
    const session = await openSession(customer, monthly, { subscription_data: { trial_period_days: 14 } });
    const html = await (await fetch(session.url!)).text();
    expect(html).toContain("14-day free trial");
    expect((await payInBrowser(session)).status).toBe(303);
    const [sub] = (await stripe.subscriptions.list({ customer: customer.id })).data;
    expect(sub!.status).toBe("trialing");
    // Like Stripe: a trial checkout charges nothing, so the session is "no_payment_required", not "paid".
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe("no_payment_required");
    expect(sub!.trial_end! - sub!.trial_start!).toBe(14 * DAY);

    await standin.advanceClock(15 * DAY);
    const after = await stripe.subscriptions.retrieve(sub!.id);
    expect(after.status).toBe("active");
    expect(after.items.data[0]!.current_period_start).toBe(sub!.trial_end);
    await standin.flushWebhooks();
    expect(eventTypes(customer.id).slice(-2)).toEqual(["invoice.paid", "customer.subscription.updated"]);
  });
});

describe("subscriptions", () => {
  it("lists by customer; status=all includes canceled ones, the default does not", async () => {
    const { customer, sub } = await subscribe("list@example.com");
    const canceled = await stripe.subscriptions.cancel(sub.id);
    expect(canceled.status).toBe("canceled");
    expect(canceled.ended_at).not.toBeNull();
    const second = await openSession(customer, yearly);
    await payInBrowser(second);

    const all = await stripe.subscriptions.list({ customer: customer.id, status: "all", limit: 10 });
    expect(all.data).toHaveLength(2);
    expect(all.data.map((s) => s.status).sort()).toEqual(["active", "canceled"]);
    const expanded = await stripe.subscriptions.list({
      customer: customer.id,
      status: "all",
      expand: ["data.items.data.price.product", "data.latest_invoice"],
    });
    const product = expanded.data[0]!.items.data[0]!.price.product as Stripe.Product;
    expect(product.name).toBe("ESM Insight");
    expect((expanded.data[0]!.latest_invoice as Stripe.Invoice).object).toBe("invoice");
    const live = await stripe.subscriptions.list({ customer: customer.id });
    expect(live.data.map((s) => s.status)).toEqual(["active"]);
    const onlyCanceled = await stripe.subscriptions.list({ customer: customer.id, status: "canceled" });
    expect(onlyCanceled.data.map((s) => s.id)).toEqual([sub.id]);
    await standin.flushWebhooks();
    expect(eventTypes(customer.id)).toContain("customer.subscription.deleted");
  });

  it("cancel_at_period_end keeps it active until advanceClock passes the period end", async () => {
    const { customer, sub } = await subscribe("cancel@example.com");
    const updated = await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
    expect(updated.cancel_at_period_end).toBe(true);
    expect(updated.status).toBe("active");
    expect(updated.cancel_at).toBe(updated.items.data[0]!.current_period_end);

    await standin.flushWebhooks();
    const updateEvent = hooks.ofCustomer(customer.id).at(-1)!.event;
    if (updateEvent.type !== "customer.subscription.updated") throw new Error(`got ${updateEvent.type}`);
    expect(updateEvent.data.object.cancel_at_period_end).toBe(true);
    expect(updateEvent.data.previous_attributes).toMatchObject({ cancel_at_period_end: false });

    const periodEnd = updated.items.data[0]!.current_period_end;
    await standin.advanceClock(periodEnd - standin.now() - 60);
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("active");
    await standin.advanceClock(120);
    const ended = await stripe.subscriptions.retrieve(sub.id);
    expect(ended.status).toBe("canceled");
    expect(ended.ended_at).toBe(periodEnd);
    await standin.flushWebhooks();
    expect(eventTypes(customer.id).at(-1)).toBe("customer.subscription.deleted");
  });

  it("renews at period end with invoice.paid and customer.subscription.updated", async () => {
    const { customer, sub } = await subscribe("renew@example.com");
    const firstEnd = sub.items.data[0]!.current_period_end;
    await standin.advanceClock(firstEnd - standin.now() + 1);
    const renewed = await stripe.subscriptions.retrieve(sub.id);
    expect(renewed.status).toBe("active");
    expect(renewed.items.data[0]!.current_period_start).toBe(firstEnd);
    expect(renewed.latest_invoice).not.toBe(sub.latest_invoice);
    await standin.flushWebhooks();
    expect(eventTypes(customer.id).slice(-2)).toEqual(["invoice.paid", "customer.subscription.updated"]);
  });

  it("switches plan with subscriptions.update items", async () => {
    const { customer, sub } = await subscribe("switch@example.com");
    const item = sub.items.data[0]!;
    const switched = await stripe.subscriptions.update(sub.id, {
      items: [{ id: item.id, price: yearly.id }],
      proration_behavior: "create_prorations",
      expand: ["latest_invoice"],
    });
    const newItem = switched.items.data[0]!;
    expect(switched.items.data).toHaveLength(1);
    expect(newItem.id).toBe(item.id);
    expect(newItem.price.id).toBe(yearly.id);
    expect(newItem.price.recurring?.interval).toBe("year");
    expect(newItem.current_period_end - newItem.current_period_start).toBeGreaterThanOrEqual(365 * DAY);
    expect((switched.latest_invoice as Stripe.Invoice).amount_paid).toBe(8000);
    await standin.flushWebhooks();
    const updated = hooks.ofCustomer(customer.id).find((r) => r.event.type === "customer.subscription.updated");
    expect(updated).toBeDefined();
    if (updated?.event.type !== "customer.subscription.updated") throw new Error("no update event");
    expect(updated.event.data.object.items.data[0]!.price.id).toBe(yearly.id);
    expect(updated.event.data.previous_attributes).toHaveProperty("items");

    const bad = await stripe.subscriptions.update(sub.id, { items: [{ id: "si_nope", price: monthly.id }] }).catch((e: unknown) => e);
    expect((bad as Stripe.errors.StripeError).param).toBe("items[0][id]");
  });

  it("setSubscriptionStatus(past_due) emits invoice.payment_failed then customer.subscription.updated", async () => {
    const { customer, sub } = await subscribe("pastdue@example.com");
    await standin.setSubscriptionStatus(sub.id, "past_due");
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("past_due");
    await standin.flushWebhooks();
    const received = hooks.ofCustomer(customer.id).slice(-2);
    expect(received.map((r) => r.event.type)).toEqual(["invoice.payment_failed", "customer.subscription.updated"]);
    const failed = received[0]!.event;
    if (failed.type !== "invoice.payment_failed") throw new Error("wrong event");
    expect(failed.data.object.amount_due).toBe(800);
    expect(failed.data.object.amount_paid).toBe(0);

    await standin.setSubscriptionStatus(sub.id, "active");
    await standin.flushWebhooks();
    expect(eventTypes(customer.id).slice(-2)).toEqual(["invoice.paid", "customer.subscription.updated"]);
  });
});

describe("billing portal", () => {
  it("creates a session and lets the customer cancel, renew and switch plan", async () => {
    const { customer, sub } = await subscribe("portal@example.com");
    const session = await stripe.billingPortal.sessions.create({ customer: customer.id, return_url: `${APP}/account` });
    expect(session.id).toMatch(/^bps_/);
    expect(session).toMatchObject({ object: "billing_portal.session", customer: customer.id, return_url: `${APP}/account` });
    expect(session.url).toBe(`${standin.url}/portal/${session.id}`);

    let html = await (await fetch(session.url)).text();
    expect(html).toContain("Test mode: no real card is charged");
    expect(html).toContain("Monthly — $8.00 per month");
    expect(html).toContain("<dd>Active</dd>");
    expect(html).toContain("Renews on");
    expect(html).toContain(`<a href="${APP}/account">Return to ESM Insight</a>`);

    const cancel = await submitForm(session.url, formWithButton(html, "Cancel plan"));
    expect(cancel.status).toBe(303);
    expect(cancel.headers.get("location")).toBe(`/portal/${session.id}?notice=canceled`);
    expect((await stripe.subscriptions.retrieve(sub.id)).cancel_at_period_end).toBe(true);

    html = await (await fetch(new URL(cancel.headers.get("location")!, standin.url))).text();
    expect(html).toContain("Ends on");
    expect(html).toContain('role="status"');
    const renew = await submitForm(session.url, formWithButton(html, "Renew plan"));
    expect(renew.status).toBe(303);
    expect((await stripe.subscriptions.retrieve(sub.id)).cancel_at_period_end).toBe(false);

    html = await (await fetch(session.url)).text();
    const toYearly = await submitForm(session.url, formWithButton(html, "Switch to yearly"));
    expect(toYearly.status).toBe(303);
    const afterSwitch = await stripe.subscriptions.retrieve(sub.id);
    expect(afterSwitch.items.data[0]!.price.id).toBe(yearly.id);
    html = await (await fetch(session.url)).text();
    expect(html).toContain("Switch to monthly");
    expect(html).toContain("Yearly — $80.00 per year");

    await standin.flushWebhooks();
    const updates = hooks.ofCustomer(customer.id).filter((r) => r.event.type === "customer.subscription.updated");
    expect(updates).toHaveLength(3);
  });
});

describe("webhooks", () => {
  it("signs every delivery so constructEvent accepts it, and only with the right secret", async () => {
    const { customer } = await subscribe("signed@example.com");
    await standin.flushWebhooks();
    const received = hooks.ofCustomer(customer.id);
    expect(received.length).toBe(3);
    expect(hooks.rejected).toEqual([]);
    const first = received[0]!;
    expect(first.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}/);
    expect(first.event).toMatchObject({ object: "event", livemode: false, pending_webhooks: 1, request: { id: null } });
    expect(first.event.id).toMatch(/^evt_/);
    expect(first.event.api_version).toBe(Stripe.API_VERSION);
    expect(() => stripe.webhooks.constructEvent(first.raw, first.signature, "whsec_wrong")).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    expect(() => stripe.webhooks.constructEvent(`${first.raw} `, first.signature, SECRET)).toThrow();

    const records = standin.events().filter((e) => e.customer === customer.id);
    expect(records.map((r) => r.delivery.status)).toEqual(["delivered", "delivered", "delivered"]);
    expect(records.map((r) => r.id)).toEqual(received.map((r) => r.event.id));
  });

  it("retries failed deliveries and records the outcome", async () => {
    hooks.failNext(2);
    const customer = await newCustomer("retry@example.com");
    await stripe.customers.del(customer.id);
    await standin.flushWebhooks();
    const record = standin.events().find((e) => e.customer === customer.id && e.type === "customer.deleted")!;
    expect(record.delivery).toMatchObject({ status: "delivered", attempts: 3, last_status_code: 200 });
    expect(hooks.ofCustomer(customer.id).map((r) => r.event.type)).toEqual(["customer.deleted"]);

    hooks.failAlways(true);
    const doomed = await newCustomer("doomed@example.com");
    await stripe.customers.del(doomed.id);
    await standin.flushWebhooks();
    const failed = standin.events().find((e) => e.customer === doomed.id)!;
    expect(failed.delivery).toMatchObject({ status: "failed", attempts: 4, last_status_code: 500 });
  });

  it("never blocks API responses on a dead endpoint (and uses publicUrl in links)", async () => {
    const dead = await startStripeStandin({
      port: 0,
      webhookSecret: SECRET,
      webhookUrl: "http://127.0.0.1:9/nowhere",
      webhookRetryDelaysMs: [10],
      publicUrl: "http://stripe.test:4242/",
    });
    try {
      const sdk = sdkFor(dead);
      const customer = await sdk.customers.create({ email: "dead@example.com" });
      const started = Date.now();
      const portal = await sdk.billingPortal.sessions.create({ customer: customer.id });
      expect(portal.url).toBe(`http://stripe.test:4242/portal/${portal.id}`);
      await sdk.customers.del(customer.id);
      expect(Date.now() - started).toBeLessThan(1000);
      await dead.flushWebhooks();
      const [record] = dead.events();
      expect(record!.delivery.status).toBe("failed");
      expect(record!.delivery.attempts).toBe(2);
      expect(record!.delivery.last_error).toBeTruthy();
    } finally {
      await dead.close();
    }
  });
});

describe("HTTP test controls", () => {
  it("advances the clock, forces statuses and exposes state and events", async () => {
    const { customer, sub } = await subscribe("controls@example.com");
    const before = standin.now();
    const advance = await fetch(`${standin.url}/_test/advance-clock`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ seconds: 3600 }),
    });
    expect(advance.status).toBe(200);
    const { now } = (await advance.json()) as { now: number };
    expect(now - before).toBeGreaterThanOrEqual(3600);
    expect(standin.now()).toBeGreaterThanOrEqual(now);

    const forced = await fetch(`${standin.url}/_test/subscriptions/${sub.id}/status`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ status: "unpaid" }),
    });
    expect(forced.status).toBe(200);
    expect(await forced.json()).toMatchObject({ id: sub.id, status: "unpaid" });
    const badStatus = await fetch(`${standin.url}/_test/subscriptions/${sub.id}/status`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ status: "bogus" }),
    });
    expect(badStatus.status).toBe(400);

    const state = (await (await fetch(`${standin.url}/_test/state`)).json()) as {
      customers: { id: string }[];
      subscriptions: { id: string; status: string }[];
    };
    expect(state.customers.some((c) => c.id === customer.id)).toBe(true);
    expect(state.subscriptions.find((s) => s.id === sub.id)?.status).toBe("unpaid");

    await fetch(`${standin.url}/_test/flush-webhooks`, { method: "POST" });
    const events = (await (await fetch(`${standin.url}/_test/events`)).json()) as {
      data: { type: string; customer: string | null; delivery: { status: string } }[];
    };
    const mine = events.data.filter((e) => e.customer === customer.id);
    expect(mine.map((e) => e.type).at(-1)).toBe("customer.subscription.updated");
    expect(mine.every((e) => e.delivery.status === "delivered")).toBe(true);
  });
});

describe("state file", () => {
  it("persists state atomically and reloads it on restart", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "stripe-standin-"));
    const stateFile = path.join(dir, "nested", "stripe.json");
    try {
      const first = await startStripeStandin({ port: 0, webhookSecret: SECRET, stateFile });
      const sdk1 = sdkFor(first);
      const customer = await sdk1.customers.create({ email: "persist@example.com" });
      const [price] = (await sdk1.prices.list({ lookup_keys: ["esm_monthly"] })).data;
      const session = await sdk1.checkout.sessions.create({
        mode: "subscription",
        customer: customer.id,
        line_items: [{ price: price!.id, quantity: 1 }],
        success_url: `${APP}/ok`,
      });
      expect((await payInBrowser(session)).status).toBe(303);
      await first.advanceClock(2 * DAY);
      const clock = first.now();
      const onDisk = JSON.parse(readFileSync(stateFile, "utf8")) as { customers: { id: string }[]; clock_offset: number };
      expect(onDisk.customers.map((c) => c.id)).toContain(customer.id);
      expect(onDisk.clock_offset).toBeGreaterThanOrEqual(2 * DAY);
      await first.close();

      const second = await startStripeStandin({ port: 0, webhookSecret: SECRET, stateFile });
      try {
        const sdk2 = sdkFor(second);
        expect((await sdk2.customers.retrieve(customer.id)).id).toBe(customer.id);
        const prices = await sdk2.prices.list({ limit: 100 });
        expect(prices.data).toHaveLength(2);
        expect(prices.data.map((p) => p.id)).toContain(price!.id);
        const subs = await sdk2.subscriptions.list({ customer: customer.id, status: "all" });
        expect(subs.data).toHaveLength(1);
        expect(subs.data[0]!.status).toBe("active");
        expect((await sdk2.checkout.sessions.retrieve(session.id)).status).toBe("complete");
        expect(second.now()).toBeGreaterThanOrEqual(clock);
        expect(second.events().map((e) => e.type)).toEqual([
          "checkout.session.completed",
          "customer.subscription.created",
          "invoice.paid",
        ]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("form-body parsing", () => {
  it("parses Stripe's bracket notation into nested objects and arrays", () => {
    expect(
      parseForm(
        "line_items[0][price]=price_x&line_items[0][quantity]=1&expand[]=subscription&expand[]=customer" +
          "&metadata[k]=v&metadata[0]=zero&subscription_data[trial_period_days]=7&email=a%2Bb%40example.com&name=A+B",
      ),
    ).toEqual({
      line_items: [{ price: "price_x", quantity: "1" }],
      expand: ["subscription", "customer"],
      metadata: { k: "v", "0": "zero" },
      subscription_data: { trial_period_days: "7" },
      email: "a+b@example.com",
      name: "A B",
    });
    expect(parseForm("lookup_keys[0]=a&lookup_keys[1]=b&items[1][id]=y&items[0][id]=x")).toEqual({
      lookup_keys: ["a", "b"],
      items: [{ id: "x" }, { id: "y" }],
    });
  });
});
