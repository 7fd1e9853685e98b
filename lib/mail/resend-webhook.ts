import "server-only";
import { eq } from "drizzle-orm";
import { Resend } from "resend";
import { z } from "zod";
import { db } from "@/lib/db";
import { deliveries, resendWebhookEvents } from "@/db/schema";
import { config } from "@/lib/env";
import { suppressAddress } from "./suppression";
import { recordClick, recordDelivered, recordOpen } from "./engagement";

/**
 * Resend's webhook (signed by svix). Verify the signature on the raw body with the resend SDK,
 * skip an svix-id we have seen, then act, in one transaction with recording the id (a failure
 * records nothing and answers 500, so Resend retries):
 * - email.bounced with a permanent (hard) bounce → the addresses are suppressed, delivery bounced;
 * - email.complained → the addresses are suppressed;
 * - email.delivered → the delivery (matched by provider id) is marked delivered, with its time;
 * - email.opened / email.clicked → counted on the delivery, machine opens marked (./engagement.ts);
 * - anything else → acknowledged and ignored.
 */
export type ResendWebhookOutcome =
  | { status: 400; body: { error: string } }
  | { status: 503; body: { error: string } }
  | { status: 200; body: { received: true; duplicate?: true; ignored?: true } };

const headersSchema = z.object({
  "svix-id": z.string().min(1).max(200),
  "svix-timestamp": z.string().min(1).max(30),
  "svix-signature": z.string().min(1).max(2000),
});

const dataSchema = z.object({
  email_id: z.string().min(1).max(200).optional(),
  to: z.union([z.array(z.string()), z.string()]).optional(),
  bounce: z.object({ type: z.string().optional(), subType: z.string().optional(), message: z.string().optional() }).optional(),
});

const eventSchema = z.object({
  type: z.string().min(1).max(100),
  created_at: z.string().optional(),
  data: z.unknown().optional(),
});

/** The event's own time (Resend's `created_at`), or now when it is missing or unreadable. */
function eventTime(candidate: string | undefined): Date {
  const t = candidate ? Date.parse(candidate) : Number.NaN;
  return Number.isFinite(t) ? new Date(t) : new Date();
}

/** Resend calls a hard bounce "Permanent" (others: "Transient", "Undetermined"). */
const isHardBounce = (type: string | undefined) => (type ?? "").toLowerCase() === "permanent";

/**
 * `webhooks.verify()` uses only the webhook secret and makes no request, but the constructor insists
 * on an API key (and falls back to RESEND_API_KEY), so it gets a placeholder.
 */
let verifier: Resend | undefined;
const webhookVerifier = () => (verifier ??= new Resend("re_webhook_verification_only"));

function bareAddress(raw: string): string {
  const m = /<([^>]+)>\s*$/.exec(raw);
  return (m?.[1] ?? raw).trim().toLowerCase();
}

export async function handleResendWebhook(rawBody: string, headers: Headers): Promise<ResendWebhookOutcome> {
  const secret = config().resendWebhookSecret;
  if (!secret) return { status: 503, body: { error: "RESEND_WEBHOOK_SECRET is not configured" } };
  const h = headersSchema.safeParse({
    "svix-id": headers.get("svix-id") ?? undefined,
    "svix-timestamp": headers.get("svix-timestamp") ?? undefined,
    "svix-signature": headers.get("svix-signature") ?? undefined,
  });
  if (!h.success) return { status: 400, body: { error: "missing svix-id, svix-timestamp or svix-signature header" } };
  let payload: unknown;
  try {
    payload = webhookVerifier().webhooks.verify({
      payload: rawBody,
      headers: { id: h.data["svix-id"], timestamp: h.data["svix-timestamp"], signature: h.data["svix-signature"] },
      webhookSecret: secret,
    });
  } catch {
    return { status: 400, body: { error: "invalid signature" } };
  }
  const event = eventSchema.safeParse(payload);
  if (!event.success) return { status: 400, body: { error: "unexpected event shape" } };
  const data = dataSchema.safeParse(event.data.data ?? {});
  const emailId = data.success ? (data.data.email_id ?? null) : null;
  const recipients = data.success ? [data.data.to ?? []].flat().map(bareAddress).filter((a) => a.includes("@")) : [];

  const d = await db();
  return d.transaction(async (tx): Promise<ResendWebhookOutcome> => {
    const [fresh] = await tx
      .insert(resendWebhookEvents)
      .values({ id: h.data["svix-id"], type: event.data.type, emailId })
      .onConflictDoNothing()
      .returning({ id: resendWebhookEvents.id });
    if (!fresh) return { status: 200, body: { received: true, duplicate: true } };

    switch (event.data.type) {
      case "email.bounced": {
        if (!data.success || !isHardBounce(data.data.bounce?.type)) return { status: 200, body: { received: true, ignored: true } };
        for (const address of recipients) await suppressAddress(tx, address, "bounced");
        if (emailId) {
          await tx
            .update(deliveries)
            .set({ status: "bounced", error: data.data.bounce?.message ?? "hard bounce", updatedAt: new Date() })
            .where(eq(deliveries.providerId, emailId));
        }
        return { status: 200, body: { received: true } };
      }
      case "email.complained": {
        for (const address of recipients) await suppressAddress(tx, address, "complained");
        return { status: 200, body: { received: true } };
      }
      case "email.delivered":
      case "email.opened":
      case "email.clicked": {
        if (!emailId) return { status: 200, body: { received: true, ignored: true } };
        const at = eventTime(event.data.created_at);
        const record = { "email.delivered": recordDelivered, "email.opened": recordOpen, "email.clicked": recordClick }[event.data.type];
        await record(tx, emailId, at);
        return { status: 200, body: { received: true } };
      }
      default:
        return { status: 200, body: { received: true, ignored: true } };
    }
  });
}
