import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import { and, desc, eq, gt, lt, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { signInCodes } from "@/db/schema";
import { config } from "@/lib/env";
import { isOwnUrl } from "./own-origin";
import { hmac, safeEqual, seal, unseal } from "./seal";

/**
 * The link and 6-digit code of a sign-in mail. Auth.js's own callback URL (which
 * uses up its token) is kept sealed here; a mail scanner's GET of our link only
 * opens a confirmation page, and the code is limited to a few attempts.
 */
export const SIGN_IN_TTL_MINUTES = 15;
export const MAX_CODE_ATTEMPTS = 5;

export interface IssuedSignIn {
  linkId: string;
  code: string;
  expiresAt: Date;
}

export async function issueSignIn(email: string, authCallbackUrl: string, now = new Date(), bindingHash: string | null = null): Promise<IssuedSignIn> {
  const secret = config().authSecret;
  const linkId = randomBytes(24).toString("base64url");
  const code = randomInt(0, 1_000_000).toString().padStart(6, "0");
  const expiresAt = new Date(now.getTime() + SIGN_IN_TTL_MINUTES * 60_000);
  const d = await db();
  await d.delete(signInCodes).where(lt(signInCodes.expiresAt, now));
  await d.insert(signInCodes).values({
    id: linkId,
    email,
    codeHash: hmac(`${email}:${code}`, secret, "sign-in-code"),
    sealedToken: seal(authCallbackUrl, secret),
    bindingHash,
    expiresAt,
  });
  return { linkId, code, expiresAt };
}

export type Redemption = { ok: true; url: string } | { ok: false; error: string };
export type LinkRedemption = Redemption | { ok: false; error: string; otherBrowser: { email: string; next: string } };

const OTHER_BROWSER = "This link was opened in a different browser from the one that asked for it.";

/**
 * The confirmation page's button: hands back Auth.js's callback URL once, to the browser the
 * sign-in was bound to. Another browser uses nothing up and is sent to type the code instead.
 */
export async function redeemLink(linkId: string, now = new Date(), browser: string | null = null): Promise<LinkRedemption> {
  const d = await db();
  const [bound] = await d.select({ binding: signInCodes.bindingHash, email: signInCodes.email, sealed: signInCodes.sealedToken }).from(signInCodes).where(eq(signInCodes.id, linkId));
  if (bound?.binding && (browser === null || !safeEqual(bound.binding, browser))) {
    const callback = new URL(new URL(unseal(bound.sealed, config().authSecret)).searchParams.get("callbackUrl") ?? "/", config().appUrl);
    const next = isOwnUrl(callback.toString()) ? `${callback.pathname}${callback.search}` : "/";
    return { ok: false, error: OTHER_BROWSER, otherBrowser: { email: bound.email, next } };
  }
  return consumeSignIn(linkId, now);
}

async function consumeSignIn(linkId: string, now: Date): Promise<Redemption> {
  const d = await db();
  const [row] = await d
    .delete(signInCodes)
    .where(and(eq(signInCodes.id, linkId), gt(signInCodes.expiresAt, now)))
    .returning();
  if (!row) return { ok: false, error: "This sign-in link has expired or was already used. Request a new one." };
  const url = unseal(row.sealedToken, config().authSecret);
  if (!isOwnUrl(url)) return { ok: false, error: "This sign-in link is not valid. Request a new one." };
  return { ok: true, url };
}

export const WRONG_CODE = "That code is not right or has expired. Check the newest sign-in email.";
export const TOO_MANY_CODES = "Too many wrong codes. Use the link in the email, or request a new one.";

type Attempt = { kind: "none" } | { kind: "locked" } | { kind: "try"; id: string; codeHash: string; left: number };

/**
 * Reserves one attempt for the address before comparing: the newest live code's counter goes up in
 * the same transaction that read it, under a per-address lock, so concurrent guesses never share a
 * check. The budget counts every live code of the address, so asking for a new code gives no new tries.
 */
async function reserveAttempt(email: string, now: Date): Promise<Attempt> {
  const d = await db();
  return d.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in-code:${email}`}))`);
    const live = await tx
      .select({ id: signInCodes.id, codeHash: signInCodes.codeHash, failed: signInCodes.failedAttempts })
      .from(signInCodes)
      .where(and(eq(signInCodes.email, email), gt(signInCodes.expiresAt, now)))
      .orderBy(desc(signInCodes.createdAt));
    const newest = live[0];
    if (!newest) return { kind: "none" };
    const used = live.reduce((n, r) => n + r.failed, 0);
    if (used >= MAX_CODE_ATTEMPTS) return { kind: "locked" };
    await tx
      .update(signInCodes)
      .set({ failedAttempts: sql`${signInCodes.failedAttempts} + 1` })
      .where(eq(signInCodes.id, newest.id));
    return { kind: "try", id: newest.id, codeHash: newest.codeHash, left: MAX_CODE_ATTEMPTS - used - 1 };
  });
}

/** Typed code: checked against the newest live code for the address, a few attempts per address at most. */
export async function redeemCode(email: string, code: string, now = new Date()): Promise<Redemption> {
  const attempt = await reserveAttempt(email, now);
  if (attempt.kind === "none") return { ok: false, error: WRONG_CODE };
  if (attempt.kind === "locked") return { ok: false, error: TOO_MANY_CODES };
  if (!safeEqual(attempt.codeHash, hmac(`${email}:${code}`, config().authSecret, "sign-in-code"))) {
    return { ok: false, error: attempt.left > 0 ? WRONG_CODE : TOO_MANY_CODES };
  }
  const redeemed = await consumeSignIn(attempt.id, now);
  return redeemed.ok ? redeemed : { ok: false, error: WRONG_CODE };
}
