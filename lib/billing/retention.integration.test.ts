/**
 * Cancelling with a reason and the admin's retention offer, and the billing portal configured from code,
 * against the Stripe stand-in (the real SDK) and a real database (PGlite, and PostgreSQL when DATABASE_URL
 * is set). Only Stripe is written; the one sync mirrors it.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { auditLog, subscriptions, users } from "@/db/schema";
import type { Role, Viewer } from "@/lib/access/rule";
import { insertReader } from "@/test-support/billing-facts";
import { PAYING_CARD, payCheckout, startAppStandin, type AppStandin } from "@/test-support/stripe-standin";
import { AdminAccessDenied } from "@/lib/staff/authz";
import { retentionOffer, RetentionOfferInput, setRetentionOffer } from "@/lib/staff/settings";
import { startCheckout, startPortal } from "./checkout";
import { CANCELLATION_FEEDBACK } from "./cancellation-reasons";
import { listPlans } from "./plans";
import { ensurePortalConfiguration, PORTAL_MARK, portalConfiguration } from "./portal-configuration";
import { CancelInput, cancelWithReason, couponExists } from "./retention";
import { syncCustomer } from "./sync";

let app: AppStandin;
beforeAll(async () => {
  app = await startAppStandin();
  await listPlans();
  await app.client.coupons.create({ id: "STAY50", percent_off: 50, duration: "repeating", duration_in_months: 3 });
});
afterAll(async () => app.close());

let counter = 0;
const uniqueEmail = (label: string) => `${label}-${++counter}-${Date.now()}@example.com`;
const viewerOf = (userId: string, email: string, role: Role) => ({ kind: "member", userId, email, role, subscriptions: [], grants: [] }) satisfies Viewer;
const OFFER = { couponId: "STAY50", description: "half price for three months" };

describe.each(databaseKinds())("cancelling with a reason on %s", (kind) => {
  const t = useTestDatabase(kind);
  let admin: Viewer;

  beforeAll(async () => {
    const email = uniqueEmail("boss");
    admin = viewerOf(await insertReader(t.db, email), email, "admin");
    await t.db.update(users).set({ role: "admin" }).where(eq(users.email, email));
  });

  async function subscriber(label: string) {
    const email = uniqueEmail(label);
    const userId = await insertReader(t.db, email);
    const started = await startCheckout(userId, "month", "/");
    if (started.kind !== "redirect") throw new Error("no checkout");
    expect((await payCheckout(started.url, PAYING_CARD)).status).toBe(303);
    const [u] = await t.db.select({ customer: users.stripeCustomerId }).from(users).where(eq(users.id, userId));
    await syncCustomer(u!.customer!);
    const [sub] = await t.db.select().from(subscriptions).where(eq(subscriptions.userId, userId));
    return { actor: { userId, email }, subscriptionId: sub!.id };
  }
  const input = (choice: "continue" | "accept" | "decline", comment?: string) => CancelInput.parse({ feedback: "too_expensive", comment, choice });
  const auditOf = (action: string, target: string) => t.db.select({ detail: auditLog.detail }).from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.target, target)));

  it("the form takes Stripe's reasons only, and a comment within bounds", () => {
    for (const feedback of CANCELLATION_FEEDBACK) expect(CancelInput.safeParse({ feedback }).success).toBe(true);
    expect(CancelInput.safeParse({ feedback: "bored" }).success).toBe(false);
    expect(CancelInput.safeParse({ feedback: "other", comment: "x".repeat(1001) }).success).toBe(false);
    expect(CancelInput.parse({ feedback: "other", comment: "  " })).toEqual({ feedback: "other", comment: undefined, choice: "continue" });
  });

  it("without an offer, the reason goes to Stripe with a cancellation at period end, mirrored and audited", async () => {
    const s = await subscriber("plain");
    expect(await retentionOffer()).toBeNull();
    expect(await cancelWithReason(s.actor, input("continue", "Too much for me right now."))).toEqual({ ok: true, step: "done", outcome: "cancelling" });
    const inStripe = await app.client.subscriptions.retrieve(s.subscriptionId);
    expect(inStripe.cancel_at_period_end).toBe(true);
    expect(inStripe.cancellation_details).toMatchObject({ feedback: "too_expensive", comment: "Too much for me right now." });
    const [row] = await t.db.select().from(subscriptions).where(eq(subscriptions.id, s.subscriptionId));
    expect(row).toMatchObject({ status: "active", cancelAtPeriodEnd: true });
    expect(await auditOf("subscription.cancel", s.subscriptionId)).toEqual([{ detail: { feedback: "too_expensive" } }]);
    expect(await cancelWithReason(s.actor, input("continue"))).toMatchObject({ ok: false });
  });

  it("only an admin sets the offer, to a coupon Stripe has; editors are refused and nothing changes", async () => {
    const editorEmail = uniqueEmail("desk");
    const editor = viewerOf(await insertReader(t.db, editorEmail), editorEmail, "editor");
    await t.db.update(users).set({ role: "editor" }).where(eq(users.email, editorEmail));
    await expect(setRetentionOffer(editor, OFFER, couponExists)).rejects.toBeInstanceOf(AdminAccessDenied);
    expect(await setRetentionOffer(admin, { ...OFFER, couponId: "NOPE" }, couponExists)).toEqual({ ok: false, errors: { couponId: "Stripe has no coupon NOPE." } });
    expect(await retentionOffer()).toBeNull();
    expect(RetentionOfferInput.safeParse({ couponId: "STAY50", description: "" }).success).toBe(false);
    expect(RetentionOfferInput.parse({ couponId: "", description: "" })).toBeNull();
    expect(await setRetentionOffer(admin, RetentionOfferInput.parse(OFFER), couponExists)).toEqual({ ok: true });
    expect(await retentionOffer()).toEqual(OFFER);
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, "settings.retention-offer"))).length).toBe(1);
  });

  it("with an offer: it is made first; accepting puts the coupon on the subscription and cancels nothing", async () => {
    const s = await subscriber("stays");
    expect(await cancelWithReason(s.actor, input("continue"))).toEqual({ ok: true, step: "offer", offer: OFFER.description });
    expect((await app.client.subscriptions.retrieve(s.subscriptionId)).cancel_at_period_end).toBe(false);
    expect(await cancelWithReason(s.actor, input("accept"))).toEqual({ ok: true, step: "done", outcome: "stayed" });
    const inStripe = await app.client.subscriptions.retrieve(s.subscriptionId, { expand: [] });
    expect(inStripe.discounts).toHaveLength(1);
    expect(inStripe.cancel_at_period_end).toBe(false);
    expect(await auditOf("subscription.retention-accepted", s.subscriptionId)).toEqual([{ detail: { coupon: "STAY50", feedback: "too_expensive" } }]);
    // Made once: the next time the reader cancels outright, and may not claim it again.
    expect(await cancelWithReason(s.actor, input("accept"))).toEqual({ ok: false, error: "That offer is no longer available." });
    expect(await cancelWithReason(s.actor, input("continue"))).toEqual({ ok: true, step: "done", outcome: "cancelling" });
  });

  it("with an offer: declining cancels at period end with the reason", async () => {
    const s = await subscriber("leaves");
    expect(await cancelWithReason(s.actor, input("decline", "Found another newsletter."))).toEqual({ ok: true, step: "done", outcome: "cancelling" });
    const inStripe = await app.client.subscriptions.retrieve(s.subscriptionId);
    expect(inStripe).toMatchObject({ cancel_at_period_end: true, discounts: [], cancellation_details: { feedback: "too_expensive", comment: "Found another newsletter." } });
  });

  it("a reader with nothing renewing is told so, and Stripe is not touched", async () => {
    const email = uniqueEmail("free");
    expect(await cancelWithReason({ userId: await insertReader(t.db, email), email }, input("decline"))).toMatchObject({ ok: false });
  });
});

describe("the billing portal, configured from code", () => {
  it("is made once, found again by its metadata and updated, and portal sessions use it", async () => {
    const plans = await listPlans();
    const price = await app.client.prices.retrieve(plans[0]!.priceId);
    const productId = typeof price.product === "string" ? price.product : price.product.id;
    const wanted = { productId, priceIds: plans.map((p) => p.priceId) };
    const first = await ensurePortalConfiguration(app.client, wanted, "http://localhost:3000");
    const again = await ensurePortalConfiguration(app.client, wanted, "http://localhost:3000");
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const marked = (await app.client.billingPortal.configurations.list({ limit: 100 })).data.filter((c) => c.metadata?.[PORTAL_MARK.key] === PORTAL_MARK.value);
    expect(marked.map((c) => c.id)).toEqual([first.id]);
    expect(marked[0]?.features).toMatchObject({
      payment_method_update: { enabled: true },
      invoice_history: { enabled: true },
      subscription_cancel: { enabled: true, mode: "at_period_end", cancellation_reason: { enabled: true, options: [...CANCELLATION_FEEDBACK] } },
      subscription_update: { enabled: true, default_allowed_updates: ["price"], products: [{ product: productId, prices: wanted.priceIds }] },
    });
  });
});

describe.each(databaseKinds())("portal sessions on %s", (kind) => {
  const t = useTestDatabase(kind);
  it("open with the configuration stripe:setup made (looked up by its metadata)", async () => {
    const configured = (await app.client.billingPortal.configurations.list({ limit: 100 })).data.find((c) => c.metadata?.[PORTAL_MARK.key] === PORTAL_MARK.value);
    expect(configured).toBeDefined();
    expect(await portalConfiguration()).toBe(configured?.id);
    const userId = await insertReader(t.db, uniqueEmail("portal"));
    expect(await startPortal(userId)).toMatch(/\/portal\/bps_/);
    const session = await app.client.billingPortal.sessions.create({ customer: (await t.db.select({ c: users.stripeCustomerId }).from(users).where(eq(users.id, userId)))[0]!.c!, configuration: configured!.id });
    expect(session.configuration).toBe(configured?.id);
    await expect(app.client.billingPortal.sessions.create({ customer: session.customer, configuration: "bpc_missing" })).rejects.toThrow(/No such billing_portal.configuration/);
  });
});
