import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { config } from "@/lib/env";

/**
 * Signed unsubscribe tokens: `<base64url(subject)>.<base64url(HMAC-SHA256)>`, keyed with
 * AUTH_SECRET. They carry who to unsubscribe (a user id, or an address when the mail went to
 * an address without an account) and need no session. No expiry and no nonce, on purpose: the
 * same recipient always gets the same token, so a re-sent batch is byte-identical (an
 * idempotent replay), and a link in an old mail keeps working.
 */
export type UnsubscribeSubject = { userId: string } | { email: string };

const DOMAIN = "esm-insight/unsubscribe/v1\n";

const tokenShape = z.string().regex(/^[A-Za-z0-9_-]{4,700}\.[A-Za-z0-9_-]{43}$/);

const subjectShape = z.union([
  z.string().regex(/^u:.{1,300}$/s).transform((s): UnsubscribeSubject => ({ userId: s.slice(2) })),
  z.string().regex(/^e:.{3,320}$/s).transform((s): UnsubscribeSubject => ({ email: s.slice(2) })),
]);

function encodeSubject(subject: UnsubscribeSubject): string {
  return "userId" in subject ? `u:${subject.userId}` : `e:${subject.email}`;
}

function mac(payload: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(DOMAIN).update(payload).digest();
}

export function signUnsubscribeToken(subject: UnsubscribeSubject, secret: string = config().authSecret): string {
  const payload = Buffer.from(encodeSubject(subject), "utf8").toString("base64url");
  return `${payload}.${mac(payload, secret).toString("base64url")}`;
}

/** The subject of a genuine token; null for anything else (malformed, altered, other secret). */
export function verifyUnsubscribeToken(token: unknown, secret: string = config().authSecret): UnsubscribeSubject | null {
  const shaped = tokenShape.safeParse(token);
  if (!shaped.success) return null;
  const [payload = "", signature = ""] = shaped.data.split(".");
  const expected = mac(payload, secret);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const subject = subjectShape.safeParse(Buffer.from(payload, "base64url").toString("utf8"));
  return subject.success ? subject.data : null;
}

/** The page a person lands on from the link in the mail (it asks before changing anything). */
export function unsubscribePageUrl(appUrl: string, token: string): string {
  return `${appUrl}/unsubscribe?token=${token}`;
}

/** The RFC 8058 one-click endpoint that goes into the List-Unsubscribe header. */
export function oneClickUnsubscribeUrl(appUrl: string, token: string): string {
  return `${appUrl}/api/unsubscribe?token=${token}`;
}
