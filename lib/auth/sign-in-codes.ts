import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import { and, desc, eq, gt, lt, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { signInCodes } from "@/db/schema";
import { config } from "@/lib/env";
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

export async function issueSignIn(email: string, authCallbackUrl: string, now = new Date()): Promise<IssuedSignIn> {
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
    expiresAt,
  });
  return { linkId, code, expiresAt };
}

export type Redemption = { ok: true; url: string } | { ok: false; error: string };

/** The confirmation page's button: hands back Auth.js's callback URL once. */
export async function redeemLink(linkId: string, now = new Date()): Promise<Redemption> {
  const d = await db();
  const [row] = await d
    .delete(signInCodes)
    .where(and(eq(signInCodes.id, linkId), gt(signInCodes.expiresAt, now)))
    .returning();
  if (!row) return { ok: false, error: "This sign-in link has expired or was already used. Request a new one." };
  return { ok: true, url: unseal(row.sealedToken, config().authSecret) };
}

/** Typed code: checked against the newest live code for the address, a few attempts at most. */
export async function redeemCode(email: string, code: string, now = new Date()): Promise<Redemption> {
  const secret = config().authSecret;
  const d = await db();
  const [row] = await d
    .select()
    .from(signInCodes)
    .where(and(eq(signInCodes.email, email), gt(signInCodes.expiresAt, now)))
    .orderBy(desc(signInCodes.createdAt))
    .limit(1);
  const expired = { ok: false as const, error: "That code has expired. Request a new one." };
  if (!row) return expired;
  if (row.failedAttempts >= MAX_CODE_ATTEMPTS) {
    return { ok: false, error: "Too many wrong codes. Request a new sign-in email." };
  }
  if (!safeEqual(row.codeHash, hmac(`${email}:${code}`, secret, "sign-in-code"))) {
    const [updated] = await d
      .update(signInCodes)
      .set({ failedAttempts: sql`${signInCodes.failedAttempts} + 1` })
      .where(eq(signInCodes.id, row.id))
      .returning({ failed: signInCodes.failedAttempts });
    const left = MAX_CODE_ATTEMPTS - (updated?.failed ?? MAX_CODE_ATTEMPTS);
    return {
      ok: false,
      error: left > 0 ? `That code is not right. ${left} attempt${left === 1 ? "" : "s"} left.` : "Too many wrong codes. Request a new sign-in email.",
    };
  }
  const redeemed = await redeemLink(row.id, now);
  return redeemed.ok ? redeemed : expired;
}
