/**
 * Sign-in plumbing against a real database (PGlite, and PostgreSQL when DATABASE_URL is set):
 * the Auth.js Drizzle adapter on our tables, our link + code layer over Auth.js's token,
 * the sign-in rate limit, and the pure guards (safeNext, EmailAddress).
 */
import type { Adapter } from "@auth/core/adapters";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { checkoutBindings, rateLimitHits, sessions, signInCodes, users } from "@/db/schema";
import { config } from "@/lib/env";
import { takeToken } from "@/lib/auth/rate-limit";
import { runMaintenance } from "@/lib/jobs/maintenance";
import { sessionAdapter } from "./adapter";
import { EmailAddress } from "./email";
import { safeNext } from "./redirect";
import { hmac, unseal } from "./seal";
import { callbackAllowed } from "./browser-binding";
import { issueSignIn, MAX_CODE_ATTEMPTS, redeemCode, redeemLink, SIGN_IN_TTL_MINUTES, TOO_MANY_CODES, WRONG_CODE } from "./sign-in-codes";
import { sendSignInMail } from "./sign-in-mail";

const T0 = new Date("2026-11-22T10:00:00Z");
const MIN = 60_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

/** Auth.js marks every adapter method optional; ours must have the ones it uses. */
function must<K extends keyof Adapter>(adapter: Adapter, name: K): NonNullable<Adapter[K]> {
  const fn = adapter[name];
  if (!fn) throw new Error(`DrizzleAdapter has no ${String(name)}`);
  return fn;
}

/** Auth.js's own callback URL, as it hands it to sendVerificationRequest. */
const callbackUrl = (email: string) =>
  `http://localhost:3000/api/auth/callback/email?callbackUrl=${encodeURIComponent("http://localhost:3000/p/x")}` +
  `&token=${"f".repeat(64)}&email=${encodeURIComponent(email)}`;

const otherCode = (code: string) => ((Number(code) + 1) % 1_000_000).toString().padStart(6, "0");

let emailCounter = 0;
const uniqueEmail = (label: string) => `${label}-${++emailCounter}-${Date.now()}@example.com`;

describe.each(databaseKinds())("auth on %s", (kind) => {
  const t = useTestDatabase(kind);

  describe("DrizzleAdapter on our tables", () => {
    let adapter: Adapter;
    beforeAll(() => {
      adapter = sessionAdapter(t.db);
    });

    it("ends an account's sessions from before its address was first proven (paying first), and no session after that", async () => {
      const paidFirst = await must(adapter, "createUser")({ id: "x", email: uniqueEmail("paid-first"), emailVerified: null });
      const bystander = await must(adapter, "createUser")({ id: "x", email: uniqueEmail("bystander"), emailVerified: null });
      const expires = at(30 * 24 * 60 * MIN);
      for (const [token, userId] of [["payer-browser", paidFirst.id], ["bystander-browser", bystander.id]] as const) {
        await must(adapter, "createSession")({ sessionToken: `${token}-${kind}`, userId, expires });
      }
      const tokensOf = async (userId: string) => (await t.db.select({ token: sessions.sessionToken }).from(sessions).where(eq(sessions.userId, userId))).map((r) => r.token);
      // The owner follows the emailed link: Auth.js marks the address proven, then makes the owner's session.
      await must(adapter, "updateUser")({ id: paidFirst.id, emailVerified: T0 });
      expect(await tokensOf(paidFirst.id)).toEqual([]);
      expect(await tokensOf(bystander.id)).toEqual([`bystander-browser-${kind}`]);
      await must(adapter, "createSession")({ sessionToken: `owner-browser-${kind}`, userId: paidFirst.id, expires });
      // Every later sign-in marks it again: the sessions of a proven address stay.
      await must(adapter, "updateUser")({ id: paidFirst.id, emailVerified: at(MIN) });
      expect(await tokensOf(paidFirst.id)).toEqual([`owner-browser-${kind}`]);
      await must(adapter, "updateUser")({ id: bystander.id, name: "Renamed" });
      expect(await tokensOf(bystander.id)).toEqual([`bystander-browser-${kind}`]);
    });

    it("creates a user and finds it by email (unknown email: null)", async () => {
      const email = uniqueEmail("adapter");
      const created = await must(adapter, "createUser")({ id: "ignored-by-adapter", email, emailVerified: null, name: "Ada" });
      expect(created.email).toBe(email);
      expect(created.id).toMatch(/^[0-9a-f-]{36}$/); // our column default, not the id Auth.js proposed
      expect(await must(adapter, "getUser")(created.id)).toMatchObject({ id: created.id, email, name: "Ada" });
      expect(await must(adapter, "getUserByEmail")(email)).toMatchObject({ id: created.id, email });
      expect(await must(adapter, "getUserByEmail")(uniqueEmail("nobody"))).toBeNull();
      const [row] = await t.db.select({ role: users.role }).from(users).where(eq(users.id, created.id));
      expect(row?.role).toBe("reader");
    });

    it("creates, reads, extends and deletes a database session", async () => {
      const user = await must(adapter, "createUser")({ id: "x", email: uniqueEmail("session"), emailVerified: T0 });
      const sessionToken = `sess-${crypto.randomUUID()}`;
      const expires = at(30 * 24 * 60 * MIN);
      const created = await must(adapter, "createSession")({ sessionToken, userId: user.id, expires });
      expect(created).toMatchObject({ sessionToken, userId: user.id, expires });

      const found = await must(adapter, "getSessionAndUser")(sessionToken);
      expect(found?.session).toMatchObject({ sessionToken, userId: user.id, expires });
      expect(found?.user).toMatchObject({ id: user.id, email: user.email, emailVerified: T0 });

      const later = at(60 * 24 * 60 * MIN);
      const updated = await must(adapter, "updateSession")({ sessionToken, expires: later });
      expect(updated).toMatchObject({ sessionToken, expires: later });
      expect((await must(adapter, "getSessionAndUser")(sessionToken))?.session.expires).toEqual(later);

      await must(adapter, "deleteSession")(sessionToken);
      expect(await must(adapter, "getSessionAndUser")(sessionToken)).toBeNull();
      expect(await must(adapter, "getSessionAndUser")("no-such-session")).toBeNull();
    });

    it("deleting a user removes its sessions (cascade)", async () => {
      const user = await must(adapter, "createUser")({ id: "x", email: uniqueEmail("cascade"), emailVerified: null });
      const sessionToken = `sess-${crypto.randomUUID()}`;
      await must(adapter, "createSession")({ sessionToken, userId: user.id, expires: at(MIN) });
      await must(adapter, "deleteUser")(user.id);
      expect(await must(adapter, "getSessionAndUser")(sessionToken)).toBeNull();
      expect(await t.db.select().from(sessions).where(eq(sessions.sessionToken, sessionToken))).toEqual([]);
    });

    it("a verification token is single-use", async () => {
      const identifier = uniqueEmail("vt");
      const token = `hashed-${crypto.randomUUID()}`;
      const expires = at(SIGN_IN_TTL_MINUTES * MIN);
      expect(await must(adapter, "createVerificationToken")({ identifier, token, expires })).toEqual({ identifier, token, expires });
      const use = must(adapter, "useVerificationToken");
      expect(await use({ identifier: uniqueEmail("someone-else"), token })).toBeNull();
      expect(await use({ identifier, token })).toEqual({ identifier, token, expires });
      expect(await use({ identifier, token })).toBeNull();
    });
  });

  describe("sign-in link and code", () => {
    it("stores neither the code nor the callback URL in the clear", async () => {
      const email = uniqueEmail("stored");
      const url = callbackUrl(email);
      const issued = await issueSignIn(email, url, T0);
      expect(issued.code).toMatch(/^\d{6}$/);
      expect(issued.expiresAt).toEqual(at(SIGN_IN_TTL_MINUTES * MIN));
      const [row] = await t.db.select().from(signInCodes).where(eq(signInCodes.id, issued.linkId));
      expect(row).toBeDefined();
      if (!row) return;
      expect(row).toMatchObject({ email, failedAttempts: 0, expiresAt: issued.expiresAt });
      const stored = [row.id, row.email, row.codeHash, row.sealedToken].join("\n");
      expect(stored).not.toContain(issued.code);
      expect(stored).not.toContain(url);
      expect(stored).not.toContain("token=");
      // The raw row as PostgreSQL renders it: still neither.
      const raw = await t.db.execute(sql`select row_to_json(c)::text as j from sign_in_codes c where id = ${issued.linkId}`);
      expect(JSON.stringify(raw)).not.toContain(url);
      expect(row.codeHash).not.toBe(issued.code);
      // The callback URL is sealed (recoverable with the secret), the code only hashed.
      expect(unseal(row.sealedToken, config().authSecret)).toBe(url);
      expect(() => unseal(row.sealedToken, "some-other-secret")).toThrow();
    });

    it("redeemLink hands back the exact callback URL once, then refuses", async () => {
      const email = uniqueEmail("link");
      const url = callbackUrl(email);
      const { linkId } = await issueSignIn(email, url, T0);
      expect(await redeemLink(linkId, at(MIN))).toEqual({ ok: true, url });
      const again = await redeemLink(linkId, at(MIN));
      expect(again.ok).toBe(false);
      expect(await redeemLink("no-such-link-id-at-all", at(MIN))).toMatchObject({ ok: false });
    });

    it("refuses an expired link (the expiry instant itself included)", async () => {
      const email = uniqueEmail("expired");
      const url = callbackUrl(email);
      const a = await issueSignIn(email, url, T0);
      expect((await redeemLink(a.linkId, a.expiresAt)).ok).toBe(false);
      expect((await redeemLink(a.linkId, at(SIGN_IN_TTL_MINUTES * MIN + 1))).ok).toBe(false);
      const b = await issueSignIn(email, url, T0);
      expect(await redeemLink(b.linkId, new Date(b.expiresAt.getTime() - 1))).toEqual({ ok: true, url });
    });

    it("issuing prunes expired rows", async () => {
      const email = uniqueEmail("prune");
      const old = await issueSignIn(email, callbackUrl(email), T0);
      await issueSignIn(uniqueEmail("later"), callbackUrl(email), at(SIGN_IN_TTL_MINUTES * MIN + 1));
      expect(await t.db.select().from(signInCodes).where(eq(signInCodes.id, old.linkId))).toEqual([]);
    });

    it("the right code works once, and uses up the link too", async () => {
      const email = uniqueEmail("code");
      const url = callbackUrl(email);
      const { code, linkId } = await issueSignIn(email, url, T0);
      expect(await redeemCode(email, code, at(MIN))).toEqual({ ok: true, url });
      expect((await redeemCode(email, code, at(MIN))).ok).toBe(false);
      expect((await redeemLink(linkId, at(MIN))).ok).toBe(false);
    });

    it("the link uses up the code too", async () => {
      const email = uniqueEmail("link-then-code");
      const { code, linkId } = await issueSignIn(email, callbackUrl(email), T0);
      expect((await redeemLink(linkId, at(MIN))).ok).toBe(true);
      expect((await redeemCode(email, code, at(MIN))).ok).toBe(false);
    });

    it("an expired code is refused", async () => {
      const email = uniqueEmail("code-expired");
      const { code } = await issueSignIn(email, callbackUrl(email), T0);
      expect(await redeemCode(email, code, at(SIGN_IN_TTL_MINUTES * MIN))).toEqual({ ok: false, error: WRONG_CODE });
    });

    it(`wrong codes count down; after ${MAX_CODE_ATTEMPTS} the right code is refused`, async () => {
      const email = uniqueEmail("brute");
      const url = callbackUrl(email);
      const { code, linkId } = await issueSignIn(email, url, T0);
      const wrong = otherCode(code);
      for (let attempt = 1; attempt <= MAX_CODE_ATTEMPTS; attempt++) {
        const left = MAX_CODE_ATTEMPTS - attempt;
        const result = await redeemCode(email, wrong, at(MIN));
        expect(result.ok).toBe(false);
        if (result.ok) return;
        // The same words as for an expired code: a guesser learns nothing about the code's state.
        expect(result.error).toBe(left > 0 ? WRONG_CODE : TOO_MANY_CODES);
        const [row] = await t.db.select({ n: signInCodes.failedAttempts }).from(signInCodes).where(eq(signInCodes.id, linkId));
        expect(row?.n).toBe(attempt);
      }
      const locked = await redeemCode(email, code, at(MIN));
      expect(locked).toEqual({ ok: false, error: TOO_MANY_CODES });
      // Locked: every further guess is refused, right or wrong.
      expect((await redeemCode(email, wrong, at(MIN))).ok).toBe(false);
      expect((await redeemCode(email, code, at(MIN))).ok).toBe(false);
    });

    it("a new code gives no new tries: the budget is per address over every live code, and the mailed link still works", async () => {
      const email = uniqueEmail("renew");
      const first = await issueSignIn(email, callbackUrl(email), T0);
      for (let i = 0; i < MAX_CODE_ATTEMPTS - 1; i++) expect((await redeemCode(email, otherCode(first.code), at(MIN))).ok).toBe(false);
      const second = await issueSignIn(email, callbackUrl(email), at(MIN));
      expect(await redeemCode(email, otherCode(second.code), at(2 * MIN))).toEqual({ ok: false, error: TOO_MANY_CODES });
      expect(await redeemCode(email, second.code, at(2 * MIN))).toEqual({ ok: false, error: TOO_MANY_CODES });
      // The lockout someone else can impose stops typed codes only, and only until the codes expire.
      expect((await redeemLink(second.linkId, at(2 * MIN))).ok).toBe(true);
    });

    it("concurrent wrong guesses are counted atomically: at most the budget is ever compared", async () => {
      const email = uniqueEmail("race");
      const url = callbackUrl(email);
      const { code } = await issueSignIn(email, url, T0);
      const guesses = Array.from({ length: 39 }, (_, i) => ((Number(code) + 1 + i) % 1_000_000).toString().padStart(6, "0"));
      // The right code is sent last among 40 concurrent guesses.
      const results = await Promise.all([...guesses, code].map((g) => redeemCode(email, g, at(MIN))));
      expect(results.filter((r) => r.ok)).toEqual([]);
      const [row] = await t.db.select({ n: signInCodes.failedAttempts }).from(signInCodes).where(eq(signInCodes.email, email));
      expect(row?.n).toBe(MAX_CODE_ATTEMPTS);
    });

    it("refuses to mail a link built for another origin (a forged Host header), and never hands one back", async () => {
      const email = uniqueEmail("poisoned");
      const poisoned = callbackUrl(email).replace("http://localhost:3000", "https://evil.example");
      await expect(sendSignInMail(email, poisoned)).rejects.toThrow(/off this site's origin/);
      expect(await t.db.select().from(signInCodes).where(eq(signInCodes.email, email))).toEqual([]);
      const { linkId } = await issueSignIn(email, poisoned, T0);
      expect(await redeemLink(linkId, at(MIN))).toMatchObject({ ok: false });
    });

    it("a link bound to a browser is used only there; another browser gets the code path and uses nothing up", async () => {
      const email = uniqueEmail("bound");
      const url = `${callbackUrl(email).split("callbackUrl=")[0]}callbackUrl=${encodeURIComponent("http://localhost:3000/p/x")}&token=${"f".repeat(64)}`;
      const { linkId, code } = await issueSignIn(email, url, T0, "browser-a-hash");
      for (const other of [null, "browser-b-hash"]) {
        expect(await redeemLink(linkId, at(MIN), other)).toMatchObject({ ok: false, otherBrowser: { email, next: "/p/x" } });
      }
      expect(await redeemLink(linkId, at(MIN), "browser-a-hash")).toEqual({ ok: true, url });
      // The code path does not need the browser; here the link already used the sign-in up.
      expect((await redeemCode(email, code, at(MIN))).ok).toBe(false);
    });

    it("only the browser that redeemed may follow Auth.js's callback", () => {
      const url = callbackUrl("someone@example.com");
      expect(callbackAllowed(url, undefined)).toBe(false);
      expect(callbackAllowed(url, "forged")).toBe(false);
      expect(callbackAllowed(url, hmac("f".repeat(64), config().authSecret, "sign-in-callback"))).toBe(true);
    });

    it("a code is bound to its address", async () => {
      const a = uniqueEmail("owner");
      const b = uniqueEmail("intruder");
      const url = callbackUrl(a);
      const { code } = await issueSignIn(a, url, T0);
      await issueSignIn(b, callbackUrl(b), T0);
      expect((await redeemCode(b, code, at(MIN))).ok).toBe(false);
      expect((await redeemCode(uniqueEmail("no-mail"), code, at(MIN))).ok).toBe(false);
      expect(await redeemCode(a, code, at(MIN))).toEqual({ ok: true, url });
    });
  });

  describe("takeToken", () => {
    const countHits = async (bucket: string) =>
      (await t.db.select().from(rateLimitHits).where(eq(rateLimitHits.bucket, bucket))).length;

    it("allows N in the window, refuses N+1 without recording it, allows again once the oldest hit leaves", async () => {
      const bucket = `sign-in:email:${uniqueEmail("limit")}`;
      const limit = 3;
      const windowMs = 15 * MIN;
      for (let i = 0; i < limit; i++) expect(await takeToken(bucket, limit, windowMs, at(i * 1000))).toBe(true);
      expect(await takeToken(bucket, limit, windowMs, at(limit * 1000))).toBe(false);
      expect(await takeToken(bucket, limit, windowMs, at(windowMs - 1))).toBe(false);
      expect(await countHits(bucket)).toBe(limit);
      // Sliding window: at T0+window the hit from T0 is out, the ones at +1 s and +2 s are not.
      expect(await takeToken(bucket, limit, windowMs, at(windowMs))).toBe(true);
      expect(await takeToken(bucket, limit, windowMs, at(windowMs))).toBe(false);
      // Long after: a full window again.
      for (let i = 0; i < limit; i++) expect(await takeToken(bucket, limit, windowMs, at(3 * windowMs + i))).toBe(true);
      expect(await takeToken(bucket, limit, windowMs, at(3 * windowMs + limit))).toBe(false);
    });

    it("buckets are independent", async () => {
      const a = `sign-in:ip:${crypto.randomUUID()}`;
      const b = `sign-in:ip:${crypto.randomUUID()}`;
      expect(await takeToken(a, 1, MIN, T0)).toBe(true);
      expect(await takeToken(a, 1, MIN, T0)).toBe(false);
      expect(await takeToken(b, 1, MIN, T0)).toBe(true);
    });

    // takeToken serializes one bucket with an advisory lock; without it PostgreSQL let 6–8 of 20 through.
    it("concurrent requests never get more than the limit", async () => {
      const limit = 5;
      for (let round = 0; round < 20; round++) {
        const bucket = `sign-in:ip:race-${round}-${crypto.randomUUID()}`;
        const results = await Promise.all(Array.from({ length: 20 }, () => takeToken(bucket, limit, 15 * MIN, T0)));
        expect(results.filter(Boolean).length, `round ${round}`).toBe(limit);
        expect(await countHits(bucket)).toBe(limit);
      }
    });
  });
});

describe("safeNext", () => {
  const ORIGIN = "http://localhost:3000";
  /** What "same-origin relative" means for every answer safeNext gives. */
  function expectSameOriginRelative(result: string): void {
    expect(result.startsWith("/")).toBe(true);
    expect(result.startsWith("//")).toBe(false);
    expect(result).not.toContain("\\");
    expect(result).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(new URL(result, `${ORIGIN}/some/page`).origin).toBe(ORIGIN);
  }

  it.each([
    ["/", "/"],
    ["/p/some-piece", "/p/some-piece"],
    ["/account?tab=billing#plan", "/account?tab=billing#plan"],
    ["/join?next=%2Fp%2Fx&plan=year", "/join?next=%2Fp%2Fx&plan=year"],
    ["/p/caf%C3%A9", "/p/caf%C3%A9"],
    ["/p/café", "/p/caf%C3%A9"],
    ["/a/../b", "/b"],
    ["/a/./b", "/a/b"],
    ["/p/x?u=https://evil.com", "/p/x?u=https://evil.com"],
  ])("keeps the same-origin path %j as %j", (input, expected) => {
    expect(safeNext(input)).toBe(expected);
    expectSameOriginRelative(safeNext(input));
  });

  it.each([
    "https://evil.com",
    "http://evil.com/p/x",
    "HTTPS://EVIL.COM",
    "//evil.com",
    "///evil.com",
    "//evil.com/%2F..",
    "/\\evil.com",
    "\\\\evil.com",
    "\\/evil.com",
    "/\\/evil.com",
    "/p/x\\y",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "mailto:a@evil.com",
    "evil.com",
    "evil.com/p/x",
    "./p/x",
    "../p/x",
    "?next=//evil.com",
    "#/evil",
    " /p/x",
    "/\t/evil.com",
    "/\n/evil.com",
    "/p/x\r\nSet-Cookie: a=b",
    "/\u0000",
    "\u0000/p",
    "",
    `/${"a".repeat(600)}`,
  ])("turns %j into the fallback", (input) => {
    expect(safeNext(input)).toBe("/");
    expect(safeNext(input, "/account")).toBe("/account");
  });

  it.each([undefined, null, 42, true, ["/p/x"], { next: "/p/x" }])("turns the non-string %j into the fallback", (input) => {
    expect(safeNext(input)).toBe("/");
  });

  it.each([
    ["/%2F%2Fevil.com", "/%2F%2Fevil.com"],
    ["/%2f%2fevil.com", "/%2f%2fevil.com"],
    ["/%5C%5Cevil.com", "/%5C%5Cevil.com"],
    ["/%5c/evil.com", "/%5c/evil.com"],
    ["/%09/evil.com", "/%09/evil.com"],
    ["/%0d%0aLocation:%20//evil.com", "/%0d%0aLocation:%20//evil.com"],
    ["/ /evil.com", "/%20/evil.com"],
    ["/\u007f/evil.com", "/%7F/evil.com"],
    ["/\u3000/evil.com", "/%E3%80%80/evil.com"],
    ["/p/x?next=//evil.com", "/p/x?next=//evil.com"],
    ["/p/x#//evil.com", "/p/x#//evil.com"],
  ])("keeps the encoded trick %j relative (as %j)", (input, expected) => {
    const result = safeNext(input);
    expect(result).toBe(expected);
    expectSameOriginRelative(result);
  });

  // Dot segments are collapsed by URL parsing ("/.//evil.com" → "//evil.com"); the result is checked again.
  it.each(["/.//evil.com", "/%2e//evil.com", "/%2E%2E//evil.com", "/a/..//evil.com", "/..//evil.com/x?y#z", "/./%2e//evil.com"])(
    "keeps the dot-segment trick %j same-origin",
    (input) => {
      expectSameOriginRelative(safeNext(input));
    },
  );
});

describe("EmailAddress", () => {
  it.each([
    ["reader@example.com", "reader@example.com"],
    ["  Reader@Example.COM  ", "reader@example.com"],
    ["\tMIXED.Case+tag@Sub.Example.org\n", "mixed.case+tag@sub.example.org"],
    ["o'brien@example.ie", "o'brien@example.ie"],
  ])("accepts %j as %j", (input, expected) => {
    expect(EmailAddress.parse(input)).toBe(expected);
  });

  it.each([
    ["", "Enter your email address."],
    ["   ", "Enter your email address."],
    ["not-an-email", "Enter a valid email address, like name@example.com."],
    ["a@", "Enter a valid email address, like name@example.com."],
    ["@example.com", "Enter a valid email address, like name@example.com."],
    ["a b@example.com", "Enter a valid email address, like name@example.com."],
    ["a@example", "Enter a valid email address, like name@example.com."],
    ["a@@example.com", "Enter a valid email address, like name@example.com."],
    ["a..b@example.com", "Enter a valid email address, like name@example.com."],
    ["<a@example.com>", "Enter a valid email address, like name@example.com."],
    ["a@example.com\nBcc: victim@example.com", "Enter a valid email address, like name@example.com."],
    ["a@example.com, b@example.com", "Enter a valid email address, like name@example.com."],
    [`${"a".repeat(64)}@${"b".repeat(186)}.com`, "That email address is too long."],
  ])("rejects %j with %j", (input, message) => {
    const result = EmailAddress.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it.each([undefined, null, 42, {}])("rejects the non-string %j", (input) => {
    const result = EmailAddress.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Enter your email address.");
  });
});

describe.each(databaseKinds())("maintenance on %s", (kind) => {
  const t = useTestDatabase(kind);

  it("forgets day-old rate-limit hits, expired sign-in codes and expired checkout bindings, and keeps the rest", async () => {
    const now = new Date("2026-11-22T12:00:00Z");
    await t.db.insert(rateLimitHits).values([
      { bucket: "old", at: new Date(now.getTime() - 2 * 86_400_000) },
      { bucket: "new", at: new Date(now.getTime() - 60_000) },
    ]);
    const live = await issueSignIn("live@example.com", "http://localhost:3000/cb?live", now);
    await issueSignIn("dead@example.com", "http://localhost:3000/cb?dead", new Date(now.getTime() - 3_600_000));
    const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
    await t.db.insert(checkoutBindings).values([
      { checkoutSessionId: "cs_open", bindingHash: "h1", expiresAt: minutes(30) },
      { checkoutSessionId: "cs_expired", bindingHash: "h2", expiresAt: minutes(-1) },
      { checkoutSessionId: "cs_used_expired", bindingHash: "h3", expiresAt: minutes(-90), usedAt: minutes(-100) },
    ]);
    await runMaintenance(now);
    expect((await t.db.select({ b: rateLimitHits.bucket }).from(rateLimitHits)).map((r) => r.b)).toEqual(["new"]);
    expect((await t.db.select({ id: signInCodes.id }).from(signInCodes)).map((r) => r.id)).toEqual([live.linkId]);
    expect((await t.db.select({ id: checkoutBindings.checkoutSessionId }).from(checkoutBindings)).map((r) => r.id)).toEqual(["cs_open"]);
  });
});
