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
 *
 * Each token names the kind of mail it stops (new pieces or signal alerts), so unsubscribing
 * from one leaves the other on. Tokens made before kinds existed carry none: they stop new pieces.
 */
export const MAIL_KINDS = ["pieces", "alerts"] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export type UnsubscribeRecipient = { userId: string } | { email: string };
export type UnsubscribeSubject = UnsubscribeRecipient & { mail: MailKind };

const DOMAIN = "esm-insight/unsubscribe/v1\n";

const tokenShape = z.string().regex(/^[A-Za-z0-9_-]{4,700}\.[A-Za-z0-9_-]{43}$/);

const KIND_PREFIX: Record<MailKind, string> = { pieces: "p/", alerts: "a/" };

const recipientShape = z.union([
  z.string().regex(/^u:.{1,300}$/s).transform((s): UnsubscribeRecipient => ({ userId: s.slice(2) })),
  z.string().regex(/^e:.{3,320}$/s).transform((s): UnsubscribeRecipient => ({ email: s.slice(2) })),
]);

function kindOf(payload: string): { mail: MailKind; rest: string } {
  for (const mail of MAIL_KINDS) {
    if (payload.startsWith(KIND_PREFIX[mail])) return { mail, rest: payload.slice(KIND_PREFIX[mail].length) };
  }
  return { mail: "pieces", rest: payload };
}

function encodeSubject(subject: UnsubscribeRecipient & { mail?: MailKind }): string {
  const who = "userId" in subject ? `u:${subject.userId}` : `e:${subject.email}`;
  return `${KIND_PREFIX[subject.mail ?? "pieces"]}${who}`;
}

function mac(payload: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(DOMAIN).update(payload).digest();
}

/** A token for `subject`'s mail of one kind (new pieces unless `mail` says otherwise). */
export function signUnsubscribeToken(subject: UnsubscribeRecipient & { mail?: MailKind }, secret: string = config().authSecret): string {
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
  const { mail, rest } = kindOf(Buffer.from(payload, "base64url").toString("utf8"));
  const recipient = recipientShape.safeParse(rest);
  return recipient.success ? { ...recipient.data, mail } : null;
}

/** The page a person lands on from the link in the mail (it asks before changing anything). */
export function unsubscribePageUrl(appUrl: string, token: string): string {
  return `${appUrl}/unsubscribe?token=${token}`;
}

/** The RFC 8058 one-click endpoint that goes into the List-Unsubscribe header. */
export function oneClickUnsubscribeUrl(appUrl: string, token: string): string {
  return `${appUrl}/api/unsubscribe?token=${token}`;
}
