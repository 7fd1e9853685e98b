/**
 * What the sync mirrors for the numbers (PGlite, and PostgreSQL when DATABASE_URL is set), against the
 * Stripe stand-in: the piece a subscription started from (Checkout's `next`), and Stripe's
 * cancellation_details. Also the piece a free sign-up started from.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { pendingSignupSources, pieces, subscriptions, users } from "@/db/schema";
import { insertReader } from "@/test-support/billing-facts";
import { PAYING_CARD, payCheckout, startAppStandin, type AppStandin } from "@/test-support/stripe-standin";
import { seedPiece } from "@/test-support/newsletter-fixtures";
import { adoptSignupSource, rememberSignupSource } from "@/lib/numbers/signup-source";
import { startCheckout } from "./checkout";
import { stripe } from "./stripe";
import { syncCustomer } from "./sync";
import { slugOfPath } from "./attribution";

let app: AppStandin;
beforeAll(async () => {
  app = await startAppStandin();
});
afterAll(async () => app.close());

let n = 0;
const email = (label: string) => `${label}-${++n}-${Date.now()}@example.com`;

describe("slugOfPath", () => {
  it("names a piece only for a piece page", () => {
    expect(slugOfPath("/p/chip-risk")).toBe("chip-risk");
    expect(slugOfPath("/read/chip-risk?x=1")).toBe("chip-risk");
    expect(slugOfPath("/category/tech")).toBeNull();
    expect(slugOfPath("//evil.example/p/x")).toBeNull();
    expect(slugOfPath(null)).toBeNull();
    // The sign-in asked for on /join returns to /join, opened from the piece.
    expect(slugOfPath(`/join?next=${encodeURIComponent("/p/chip-risk")}`)).toBe("chip-risk");
    expect(slugOfPath("/join?plan=month&next=/read/chip-risk")).toBe("chip-risk");
    expect(slugOfPath("/join")).toBeNull();
    expect(slugOfPath(`/join?next=${encodeURIComponent("/join?next=/p/chip-risk")}`)).toBeNull();
    expect(slugOfPath("/join?next=//evil.example/p/x")).toBeNull();
  });
});

describe.each(databaseKinds())("attribution and cancellation details on %s", (kind) => {
  const t = useTestDatabase(kind);
  const slugOf = async (id: string) => (await t.db.select({ slug: pieces.slug }).from(pieces).where(eq(pieces.id, id)))[0]?.slug ?? "";

  it("mirrors the piece Checkout started from, and the reason and words given when cancelling", async () => {
    const pieceId = await seedPiece(t.db);
    const userId = await insertReader(t.db, email("attributed"));
    const started = await startCheckout(userId, "month", `/p/${await slugOf(pieceId)}`);
    if (started.kind !== "redirect") throw new Error("expected a checkout URL");
    expect((await payCheckout(started.url, PAYING_CARD)).status).toBe(303);
    const [owner] = await t.db.select({ c: users.stripeCustomerId }).from(users).where(eq(users.id, userId));
    const customerId = owner?.c ?? "";
    await syncCustomer(customerId);
    let [row] = await t.db.select().from(subscriptions).where(eq(subscriptions.customerId, customerId));
    expect(row).toMatchObject({ sourcePieceId: pieceId, cancellationFeedback: null, cancellationComment: null });

    await stripe().subscriptions.update(row?.id ?? "", {
      cancel_at_period_end: true,
      cancellation_details: { feedback: "too_expensive", comment: "Budget cut this quarter." },
    });
    await syncCustomer(customerId);
    [row] = await t.db.select().from(subscriptions).where(eq(subscriptions.customerId, customerId));
    // A later sync keeps the source it mirrored first.
    expect(row).toMatchObject({ sourcePieceId: pieceId, cancellationFeedback: "too_expensive", cancellationComment: "Budget cut this quarter." });
  });

  it("leaves the source empty when Checkout did not start from a piece", async () => {
    const userId = await insertReader(t.db, email("unattributed"));
    const started = await startCheckout(userId, "month", "/account");
    if (started.kind !== "redirect") throw new Error("expected a checkout URL");
    await payCheckout(started.url, PAYING_CARD);
    const [owner] = await t.db.select({ c: users.stripeCustomerId }).from(users).where(eq(users.id, userId));
    await syncCustomer(owner?.c ?? "");
    const [row] = await t.db.select().from(subscriptions).where(eq(subscriptions.customerId, owner?.c ?? ""));
    expect(row?.status).toBe("active");
    expect(row?.sourcePieceId).toBeNull();
  });

  it("gives a new account the piece its first sign-in mail was asked for from, and nothing to an existing one", async () => {
    const pieceId = await seedPiece(t.db);
    const newcomer = email("newcomer");
    await rememberSignupSource(newcomer, `/p/${await slugOf(pieceId)}`);
    const existing = email("existing");
    const existingId = await insertReader(t.db, existing);
    await rememberSignupSource(existing, `/p/${await slugOf(pieceId)}`);
    expect(await t.db.select().from(pendingSignupSources).where(eq(pendingSignupSources.email, existing))).toHaveLength(0);

    const newId = await insertReader(t.db, newcomer);
    await adoptSignupSource(newId, newcomer);
    await adoptSignupSource(existingId, existing);
    const rows = await t.db.select({ id: users.id, source: users.signupPieceId }).from(users);
    expect(rows.find((r) => r.id === newId)?.source).toBe(pieceId);
    expect(rows.find((r) => r.id === existingId)?.source).toBeNull();
    expect(await t.db.select().from(pendingSignupSources)).toHaveLength(0);
  });
});
