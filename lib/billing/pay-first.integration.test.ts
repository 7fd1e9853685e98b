/**
 * Paying before signing in, against the Stripe stand-in (the real SDK, its hosted checkout paid like a
 * browser) and a real database (PGlite, and PostgreSQL when DATABASE_URL is set): only the browser
 * holding the secret set when Checkout began is signed in, once, and only as a new account; an address
 * that has an account gets a sign-in mail instead, and its subscription attaches to it all the same.
 * Next's request context (headers, cookie jar) is the one thing stood in for: Auth.js, the sign-in mail
 * and its limits run for real behind it.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { checkoutBindings, outbox, sessions, users } from "@/db/schema";
import { hasPaidAccess } from "@/lib/access/rule";
import { currentPolicy } from "@/lib/access/policy";
import { viewerForSessionToken, viewerForUser } from "@/lib/auth/viewer-facts";
import { insertReader } from "@/test-support/billing-facts";
import { checkoutSessionId, DECLINED_CARD, PAYING_CARD, payCheckout, startAppStandin, type AppStandin } from "@/test-support/stripe-standin";
import { finishPayFirst, startPayFirstCheckout } from "./pay-first";
import { listPlans } from "./plans";

const request = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost:3000" }),
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
  }),
}));

let app: AppStandin;
beforeAll(async () => {
  app = await startAppStandin();
  await listPlans();
});
afterAll(async () => app.close());
beforeEach(() => request.cookies.clear());

let counter = 0;
const uniqueEmail = (label: string) => `${label}-${++counter}-${Date.now()}@example.com`;
const browserSecret = () => randomBytes(24).toString("base64url");
const back = { next: "/p/some-piece", client: null };

describe.each(databaseKinds())("paying first on %s", (kind) => {
  const t = useTestDatabase(kind);

  /** A browser that began Checkout and paid it with `email`: its secret and the session id the return URL carries. */
  async function paidFirst(email: string) {
    const secret = browserSecret();
    const url = await startPayFirstCheckout(secret, "month", back.next);
    const paid = await payCheckout(url, PAYING_CARD, email);
    expect(paid.status).toBe(303);
    return { secret, sessionId: checkoutSessionId(url) };
  }

  const sessionsOf = (userId: string) => t.db.select().from(sessions).where(eq(sessions.userId, userId));
  const mailTo = (email: string) => t.db.select({ subject: outbox.subject }).from(outbox).where(eq(outbox.to, email));

  it("Checkout collects the address (no customer given) and only a hash of the browser's secret is stored", async () => {
    const secret = browserSecret();
    const url = await startPayFirstCheckout(secret, "year", back.next);
    const id = checkoutSessionId(url);
    const session = await app.client.checkout.sessions.retrieve(id);
    expect(session).toMatchObject({ mode: "subscription", customer: null, customer_email: null, status: "open", metadata: { payFirst: "true" } });
    const page = await (await fetch(url)).text();
    expect(page).toMatch(/<input id="email" name="email" type="email"[^>]* required/);
    const [row] = await t.db.select().from(checkoutBindings).where(eq(checkoutBindings.checkoutSessionId, id));
    expect(row?.bindingHash).toBeTruthy();
    expect(row?.bindingHash).not.toContain(secret);
    expect(row?.usedAt).toBeNull();
  });

  it("the browser with the right cookie is signed in once, as a new subscriber; a replay of the return gets nothing", async () => {
    const email = uniqueEmail("payer");
    const { secret, sessionId } = await paidFirst(email);
    const outcome = await finishPayFirst(sessionId, secret, back);
    if (outcome.kind !== "signed-in") throw new Error(`expected a sign-in, got ${outcome.kind}`);
    const [user] = await t.db.select().from(users).where(eq(users.id, outcome.userId));
    expect(user?.email).toBe(email);
    expect(user?.stripeCustomerId).toMatch(/^cus_/);
    const { name, value, options } = outcome.session.cookie;
    expect(name).toBe("authjs.session-token");
    expect(options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false, path: "/" });
    expect((await sessionsOf(outcome.userId)).map((s) => s.sessionToken)).toEqual([value]);
    // The session reads as Auth.js's own would, and the access rule lets its reader in at once.
    const viewer = await viewerForSessionToken(value);
    expect(viewer).toMatchObject({ kind: "member", userId: outcome.userId, email });
    expect(hasPaidAccess(viewer, currentPolicy())).toBe(true);
    expect((await mailTo(email)).map((m) => m.subject).join()).toMatch(/welcome/i);

    expect(await finishPayFirst(sessionId, secret, back)).toEqual({ kind: "refused" });
    expect(await sessionsOf(outcome.userId)).toHaveLength(1);
  });

  it("a missing or wrong cookie (another browser replaying the return URL) gets no session, and uses nothing up", async () => {
    const email = uniqueEmail("replayed");
    const { secret, sessionId } = await paidFirst(email);
    expect(await finishPayFirst(sessionId, null, back)).toEqual({ kind: "refused" });
    expect(await finishPayFirst(sessionId, browserSecret(), back)).toEqual({ kind: "refused" });
    expect(await finishPayFirst(sessionId, `${secret}x`, back)).toEqual({ kind: "refused" });
    expect(await t.db.select().from(users).where(eq(users.email, email))).toEqual([]);
    // The browser that paid still may.
    expect((await finishPayFirst(sessionId, secret, back)).kind).toBe("signed-in");
  });

  it("a session not paid (declined card) or not ours signs nobody in", async () => {
    const secret = browserSecret();
    const url = await startPayFirstCheckout(secret, "month", back.next);
    expect((await payCheckout(url, DECLINED_CARD, uniqueEmail("declined"))).status).toBe(402);
    expect(await finishPayFirst(checkoutSessionId(url), secret, back)).toEqual({ kind: "refused" });
    expect(await finishPayFirst("cs_test_unknown", secret, back)).toEqual({ kind: "refused" });
  });

  it("an address that has an account is not signed in: it gets a sign-in mail, and the subscription is that account's", async () => {
    const email = uniqueEmail("existing");
    const userId = await insertReader(t.db, email);
    const { secret, sessionId } = await paidFirst(email.toUpperCase());
    const outcome = await finishPayFirst(sessionId, secret, back);
    expect(outcome).toEqual({ kind: "confirm-email", email, mailed: true });
    expect(await sessionsOf(userId)).toEqual([]);
    expect(await t.db.select({ id: users.id }).from(users).where(eq(users.email, email))).toEqual([{ id: userId }]);
    expect((await mailTo(email)).map((m) => m.subject)).toEqual([expect.stringMatching(/sign-in code: \d{6}$/)]);
    expect(hasPaidAccess(await viewerForUser(userId), currentPolicy())).toBe(true);
    expect(await finishPayFirst(sessionId, secret, back)).toEqual({ kind: "refused" });
  });

  it("a staff address (ADMIN_EMAILS) is never signed in by paying", async () => {
    const before = await t.db.select().from(sessions);
    const { secret, sessionId } = await paidFirst("admin@example.com");
    expect(await finishPayFirst(sessionId, secret, back)).toMatchObject({ kind: "confirm-email", email: "admin@example.com" });
    expect(await t.db.select().from(users).where(eq(users.email, "admin@example.com"))).toEqual([]);
    expect(await t.db.select().from(sessions)).toEqual(before);
  });
});
