/**
 * Gifts against the Stripe stand-in and a real database (PGlite, and PostgreSQL when DATABASE_URL
 * is set): a paid gift is recorded once with one receipt however often its webhook comes, its
 * delivery mails the recipient once, and its link redeems once into a grant of the gift's span.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { complimentaryGrants, gifts, outbox } from "@/db/schema";
import { insertReader } from "@/test-support/billing-facts";
import { checkoutSessionId, signatureFor, startAppStandin, type AppStandin } from "@/test-support/stripe-standin";
import { handleStripeWebhook } from "@/lib/billing/webhook";
import { isoDay } from "@/lib/format";
import { startGiftCheckout } from "./checkout";
import { giftFormSchema } from "./input";
import { runGiftDelivery } from "./delivery";
import { addMonths, lookUpGift, redeemGift, REDEEM_REFUSALS } from "./redeem";
import { recordGiftSession } from "./record";

let app: AppStandin;
beforeAll(async () => {
  app = await startAppStandin();
});
afterAll(async () => app.close());

let counter = 0;
const uniqueEmail = (label: string) => `${label}-${++counter}-${Date.now()}@example.com`;

/** Pays a stand-in Checkout page the way its form does (with a billing country when asked). */
async function pay(url: string, email: string, country = "") {
  const id = checkoutSessionId(url);
  const body = new URLSearchParams({ card_number: "4242 4242 4242 4242", email, country });
  const res = await fetch(`${app.standin.url}/checkout/${encodeURIComponent(id)}/pay`, { method: "POST", body, redirect: "manual" });
  expect(res.status).toBe(303);
  return id;
}

async function deliver(event: object) {
  const body = JSON.stringify(event);
  return handleStripeWebhook(body, signatureFor(body));
}

describe("the gift form", () => {
  const now = new Date("2026-11-28T12:00:00Z");
  const parse = (input: Record<string, string>) => giftFormSchema(now).safeParse({ months: "3", recipientEmail: "a@example.com", deliverOn: "2026-11-28", ...input });
  it("takes today up to a year ahead, 1/3/6/12 months, a short message", () => {
    expect(parse({}).success).toBe(true);
    expect(parse({ deliverOn: "2027-11-28", months: "12", message: "Enjoy" }).success).toBe(true);
  });
  it.each([
    [{ deliverOn: "2026-11-27" }, "can't be in the past"],
    [{ deliverOn: "2027-11-29" }, "within a year"],
    [{ deliverOn: "2026-02-30" }, "real date"],
    [{ months: "2" }, "1, 3, 6 or 12"],
    [{ recipientEmail: "nobody" }, "recipient's email"],
    [{ message: "x".repeat(301) }, "300 characters"],
  ])("refuses %o clearly", (input, message) => {
    const parsed = parse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain(message);
  });
});

describe.each(databaseKinds())("gifts on %s", (kind) => {
  const t = useTestDatabase(kind, { boss: true });
  const mailsTo = (email: string) => t.db.select().from(outbox).where(eq(outbox.to, email));

  async function buyGift(months: 1 | 3 | 6 | 12 = 3) {
    const buyer = uniqueEmail("buyer");
    const recipient = uniqueEmail("recipient");
    const url = await startGiftCheckout({ months, recipientEmail: recipient, deliverOn: isoDay(new Date()), message: "For you" }, null);
    const sessionId = await pay(url, buyer);
    return { buyer, recipient, sessionId };
  }

  it("records one gift and sends one receipt through replays, a retry as a new event and the return page", async () => {
    const g = await buyGift();
    const completed = app.standin.events().filter((e) => e.type === "checkout.session.completed").at(-1);
    if (!completed) throw new Error("no checkout.session.completed");
    expect((await deliver(completed.event)).status).toBe(200);
    await Promise.all([deliver(completed.event), deliver({ ...completed.event, id: `${String(completed.event.id)}_again` })]);
    await recordGiftSession(g.sessionId);
    const rows = await t.db.select().from(gifts).where(eq(gifts.checkoutSessionId, g.sessionId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ months: 3, buyerEmail: g.buyer, recipientEmail: g.recipient, message: "For you", amountTax: 0 });
    const receipts = await mailsTo(g.buyer);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.text).toContain(g.recipient);
  });

  it("mails the recipient once however often the delivery job runs, then redeems once into a grant of the gift's span", async () => {
    const g = await buyGift(6);
    const recorded = await recordGiftSession(g.sessionId);
    if (recorded.kind !== "recorded") throw new Error("not recorded");
    const giftId = recorded.gift.id;
    const outcomes = await Promise.all([runGiftDelivery({ giftId }), runGiftDelivery({ giftId })]);
    expect(outcomes.sort()).toEqual(["already-sent", "sent"]);
    expect(await runGiftDelivery({ giftId })).toBe("already-sent");
    const mails = await mailsTo(g.recipient);
    expect(mails).toHaveLength(1);
    const token = /\/gift\/redeem\/([A-Za-z0-9_-]{43})/.exec(mails[0]?.text ?? "")?.[1];
    if (!token) throw new Error("no redeem link in the mail");
    const [stored] = await t.db.select({ hash: gifts.tokenHash }).from(gifts).where(eq(gifts.id, giftId));
    expect(stored?.hash).not.toContain(token);

    expect(await redeemGift(await insertReader(t.db, uniqueEmail("nobody")), "x".repeat(43))).toEqual({ ok: false, error: REDEEM_REFUSALS.unknown });
    const reader = await insertReader(t.db, g.recipient);
    const now = new Date();
    const first = await redeemGift(reader, token, now);
    expect(first).toMatchObject({ ok: true, span: "6 months" });
    const grants = await t.db.select().from(complimentaryGrants).where(eq(complimentaryGrants.userId, reader));
    expect(grants).toHaveLength(1);
    expect(grants[0]?.expiresAt?.getTime()).toBe(addMonths(now, 6).getTime());

    const other = await insertReader(t.db, uniqueEmail("other"));
    expect(await redeemGift(other, token)).toEqual({ ok: false, error: REDEEM_REFUSALS.redeemed });
    expect(await redeemGift(reader, token)).toEqual({ ok: false, error: REDEEM_REFUSALS.redeemed });
    expect(await t.db.select().from(complimentaryGrants).where(eq(complimentaryGrants.userId, other))).toHaveLength(0);
    expect(await t.db.select().from(complimentaryGrants).where(eq(complimentaryGrants.userId, reader))).toHaveLength(1);
    expect(await lookUpGift(token, reader)).toMatchObject({ kind: "redeemed", byYou: true });
    expect((await mailsTo(g.buyer)).map((m) => m.subject)).toContain("Your gift was redeemed");
  });

  it("refuses an expired link and changes nothing", async () => {
    const g = await buyGift(1);
    const recorded = await recordGiftSession(g.sessionId);
    if (recorded.kind !== "recorded") throw new Error("not recorded");
    await runGiftDelivery({ giftId: recorded.gift.id });
    const token = /\/gift\/redeem\/([A-Za-z0-9_-]{43})/.exec((await mailsTo(g.recipient))[0]?.text ?? "")?.[1] ?? "";
    const reader = await insertReader(t.db, g.recipient);
    const later = new Date(Date.now() + 400 * 86_400_000);
    expect(await redeemGift(reader, token, later)).toEqual({ ok: false, error: REDEEM_REFUSALS.expired });
    expect(await t.db.select().from(complimentaryGrants).where(eq(complimentaryGrants.userId, reader))).toHaveLength(0);
  });
});

describe("STRIPE_AUTOMATIC_TAX against the stand-in", () => {
  const configStore = globalThis as unknown as { esmConfig?: unknown };
  const withTax = async <T>(on: boolean, run: () => Promise<T>): Promise<T> => {
    process.env.STRIPE_AUTOMATIC_TAX = on ? "true" : "false";
    configStore.esmConfig = undefined;
    try {
      return await run();
    } finally {
      delete process.env.STRIPE_AUTOMATIC_TAX;
      configStore.esmConfig = undefined;
    }
  };
  const giftForm = { months: 1 as const, recipientEmail: "r@example.com", deliverOn: isoDay(new Date()), message: null };

  it("turns on Stripe Tax, address and tax id collection, and the stand-in charges its GB rate", async () => {
    const url = await withTax(true, () => startGiftCheckout(giftForm, null));
    const id = checkoutSessionId(url);
    const open = await app.client.checkout.sessions.retrieve(id);
    expect(open.automatic_tax.enabled).toBe(true);
    expect(open.billing_address_collection).toBe("required");
    expect(open.tax_id_collection?.enabled).toBe(true);
    const page = await (await fetch(url)).text();
    expect(page).toContain('name="country"');
    expect(page).toContain('name="tax_id"');
    const refused = await fetch(`${app.standin.url}/checkout/${id}/pay`, {
      method: "POST",
      body: new URLSearchParams({ card_number: "4242424242424242", email: "b@example.com" }),
      redirect: "manual",
    });
    expect(refused.status).toBe(400);
    await pay(url, uniqueEmail("taxed"), "GB");
    const paid = await app.client.checkout.sessions.retrieve(id);
    const subtotal = paid.amount_subtotal ?? 0;
    expect(paid.total_details?.amount_tax).toBe(Math.round(subtotal * 0.2));
    expect(paid.amount_total).toBe(subtotal + Math.round(subtotal * 0.2));
    expect(paid.customer_details?.address?.country).toBe("GB");
    const invoice = await app.client.invoices.retrieve(String(paid.invoice));
    expect(invoice.total_taxes?.[0]?.amount).toBe(Math.round(subtotal * 0.2));
    expect(invoice.total).toBe(paid.amount_total);
    const hosted = await fetch(invoice.hosted_invoice_url ?? "");
    expect(hosted.status).toBe(200);
    expect(await hosted.text()).toContain("Tax (GB)");
    const pdf = await fetch(invoice.invoice_pdf ?? "");
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 8).toString()).toBe("%PDF-1.4");
  });

  it("changes nothing when the variable is off", async () => {
    const url = await withTax(false, () => startGiftCheckout(giftForm, null));
    const open = await app.client.checkout.sessions.retrieve(checkoutSessionId(url));
    expect(open.automatic_tax.enabled).toBe(false);
    expect(open.billing_address_collection).toBeNull();
    expect(await (await fetch(url)).text()).not.toContain('name="country"');
  });
});
