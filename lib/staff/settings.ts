import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db";
import { MAIL_AUDIENCES, settings, type MailAudience } from "@/db/schema";
import type { Viewer } from "@/lib/access/rule";
import { audit } from "./audit";
import { authorizeAdmin } from "./authz";

const RetentionOfferSchema = z.object({
  couponId: z
    .string()
    .trim()
    .min(1, "Enter the Stripe coupon id.")
    .max(100, "That coupon id is too long.")
    .regex(/^[A-Za-z0-9_-]+$/, "A Stripe coupon id has letters, digits, _ and - only."),
  description: z.string().trim().min(3, "Describe the offer in a few words.").max(120, "Keep the offer under 120 characters."),
});
export type RetentionOffer = z.infer<typeof RetentionOfferSchema>;

/** The newsroom's settings, each a key with its schema and the value it has until an admin sets one. */
const SETTINGS = {
  defaultMailAudience: { schema: z.enum(MAIL_AUDIENCES), fallback: "everyone" as MailAudience },
  /** Offered once to a reader who cancels (lib/billing/retention.ts); none until an admin sets one. */
  retentionOffer: { schema: RetentionOfferSchema.nullable(), fallback: null as RetentionOffer | null },
} as const;

/** The admin's form: both fields empty clears the offer; otherwise both must be right, each with its own message. */
export const RetentionOfferInput = z
  .object({ couponId: z.string().trim().default(""), description: z.string().trim().default("") })
  .transform((v, ctx): RetentionOffer | null => {
    if (!v.couponId && !v.description) return null;
    const parsed = RetentionOfferSchema.safeParse(v);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  });

export const DefaultMailAudienceInput = z.object({
  audience: z.enum(MAIL_AUDIENCES, { error: "Choose Everyone, Paid subscribers only or No email." }),
});

/** Who a new piece is mailed to unless the editor chooses otherwise in the confirmation. */
export async function defaultMailAudience(): Promise<MailAudience> {
  const d = await db();
  const [row] = await d.select({ value: settings.value }).from(settings).where(eq(settings.key, "defaultMailAudience"));
  const parsed = SETTINGS.defaultMailAudience.schema.safeParse(row?.value);
  return parsed.success ? parsed.data : SETTINGS.defaultMailAudience.fallback;
}

/** Admins only; audited in the same transaction. */
export async function setDefaultMailAudience(viewer: Viewer, audience: MailAudience): Promise<void> {
  const actor = await authorizeAdmin(viewer);
  const value = SETTINGS.defaultMailAudience.schema.parse(audience);
  const d = await db();
  await d.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: "defaultMailAudience", value, updatedBy: actor.userId })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: actor.userId, updatedAt: new Date() } });
    await audit(actor, "settings.default-mail-audience", null, { audience: value }, tx);
  });
}

/** The retention coupon a cancelling reader is offered, if an admin configured one. */
export async function retentionOffer(): Promise<RetentionOffer | null> {
  const d = await db();
  const [row] = await d.select({ value: settings.value }).from(settings).where(eq(settings.key, "retentionOffer"));
  const parsed = SETTINGS.retentionOffer.schema.safeParse(row?.value);
  return parsed.success ? parsed.data : SETTINGS.retentionOffer.fallback;
}

/**
 * Admins only, audited in the same transaction. `couponExists` asks Stripe first (lib/billing/retention.ts),
 * so an offer that would fail when a reader accepts it is refused here.
 */
export async function setRetentionOffer(
  viewer: Viewer,
  offer: RetentionOffer | null,
  couponExists: (couponId: string) => Promise<boolean>,
): Promise<{ ok: true } | { ok: false; errors: { couponId: string } }> {
  const actor = await authorizeAdmin(viewer);
  const value = SETTINGS.retentionOffer.schema.parse(offer);
  if (value && !(await couponExists(value.couponId))) return { ok: false, errors: { couponId: `Stripe has no coupon ${value.couponId}.` } };
  const d = await db();
  await d.transaction(async (tx) => {
    if (value) {
      await tx
        .insert(settings)
        .values({ key: "retentionOffer", value, updatedBy: actor.userId })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: actor.userId, updatedAt: new Date() } });
    } else {
      await tx.delete(settings).where(eq(settings.key, "retentionOffer"));
    }
    await audit(actor, "settings.retention-offer", value?.couponId ?? null, { offer: value }, tx);
  });
  return { ok: true };
}
