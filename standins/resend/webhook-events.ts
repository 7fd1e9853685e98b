/**
 * Resend's webhook events as the stand-ins emit them: the payload shape of Resend's `email.*` events
 * and the svix signature Resend signs them with (Standard Webhooks: `svix-id`, `svix-timestamp`,
 * `svix-signature: v1,base64(HMAC-SHA256(secret, "id.timestamp.body"))`, secret `whsec_<base64>`).
 */
import { createHmac, randomUUID } from "node:crypto";
import { z } from "zod";

export const EMAIL_EVENT_TYPES = ["email.delivered", "email.opened", "email.clicked"] as const;
export type EmailEventType = (typeof EMAIL_EVENT_TYPES)[number];
export const emailEventRequestSchema = z.object({ type: z.enum(EMAIL_EVENT_TYPES), link: z.url().max(2000).optional() });

export interface WebhookTarget {
  url: string;
  /** `whsec_…`, the same secret the app verifies with. */
  secret: string;
}

export interface EventMessage {
  id: string;
  from: string;
  to: string[];
  subject: string;
  createdAt: Date;
}

export function emailEvent(type: EmailEventType, m: EventMessage, opts: { link?: string; at?: Date } = {}) {
  const at = (opts.at ?? new Date()).toISOString();
  return {
    type,
    created_at: at,
    data: {
      created_at: m.createdAt.toISOString(),
      email_id: m.id,
      message_id: `<${m.id}@standin.resend.local>`,
      from: m.from,
      to: m.to,
      subject: m.subject,
      ...(type === "email.clicked"
        ? { click: { ipAddress: "127.0.0.1", link: opts.link ?? "http://localhost/", timestamp: at, userAgent: "Mozilla/5.0 (stand-in)" } }
        : {}),
    },
  };
}

export function svixHeaders(secret: string, body: string, id = `msg_${randomUUID()}`, now = new Date()): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signature = `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
  return { "content-type": "application/json", "svix-id": id, "svix-timestamp": timestamp, "svix-signature": signature };
}

/** POSTs one signed event; resolves with the app's status (it never throws for an HTTP answer). */
export async function postEvent(target: WebhookTarget, event: object): Promise<number> {
  const body = JSON.stringify(event);
  const res = await fetch(target.url, { method: "POST", headers: svixHeaders(target.secret, body), body });
  await res.arrayBuffer();
  return res.status;
}
