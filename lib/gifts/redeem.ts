import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/lib/db";
import { complimentaryGrants, gifts, users, type Gift } from "@/db/schema";
import { sendMailOnceClaimed } from "@/lib/mail/once";
import { giftLabel } from "./catalog";
import { redeemByOf } from "./delivery";
import { redeemedMail } from "./mails";
import { hashRedeemToken, REDEEM_TOKEN_PATTERN } from "./token";

export type GiftLookup =
  | { kind: "unknown" }
  | { kind: "expired" }
  | { kind: "redeemed"; span: string; expiresAt: Date | null; byYou: boolean }
  | { kind: "ready"; span: string; fromEmail: string; message: string | null };

async function giftOfToken(token: string): Promise<Gift | null> {
  if (!REDEEM_TOKEN_PATTERN.test(token)) return null;
  const [gift] = await (await db()).select().from(gifts).where(eq(gifts.tokenHash, hashRedeemToken(token)));
  return gift ?? null;
}

const expired = (gift: Gift, now: Date) => gift.deliveredAt !== null && redeemByOf(gift.deliveredAt) < now;

/** What the redeem page shows for a token (nothing about a gift the token does not open). */
export async function lookUpGift(token: string, userId: string | null, now = new Date()): Promise<GiftLookup> {
  const gift = await giftOfToken(token);
  if (!gift) return { kind: "unknown" };
  if (gift.redeemedAt) {
    const [grant] = gift.grantId
      ? await (await db()).select({ expiresAt: complimentaryGrants.expiresAt }).from(complimentaryGrants).where(eq(complimentaryGrants.id, gift.grantId))
      : [];
    return { kind: "redeemed", span: giftLabel(gift.months), expiresAt: grant?.expiresAt ?? null, byYou: userId !== null && gift.redeemedBy === userId };
  }
  if (expired(gift, now)) return { kind: "expired" };
  return { kind: "ready", span: giftLabel(gift.months), fromEmail: gift.buyerEmail, message: gift.message };
}

/** Calendar months later, on the last day of the month when the day does not exist (31 January + 1 → 28/29 February). */
export function addMonths(from: Date, months: number): Date {
  const out = new Date(from);
  const day = out.getUTCDate();
  out.setUTCDate(1);
  out.setUTCMonth(out.getUTCMonth() + months);
  const last = new Date(Date.UTC(out.getUTCFullYear(), out.getUTCMonth() + 1, 0)).getUTCDate();
  out.setUTCDate(Math.min(day, last));
  return out;
}

export type RedeemResult = { ok: true; expiresAt: Date; span: string } | { ok: false; error: string };

export const REDEEM_REFUSALS = {
  unknown: "This gift link is not valid. Check that you opened the whole link from the email.",
  expired: "This gift link has expired. Ask the person who gave it to contact us.",
  redeemed: "This gift has already been redeemed.",
} as const;

/**
 * Redeems a gift for the signed-in reader: a complimentary grant of the gift's months from now.
 * The conditional update is the once: a second redemption, a lost race, an expired or unknown
 * token change nothing.
 */
export async function redeemGift(userId: string, token: string, now = new Date()): Promise<RedeemResult> {
  const gift = await giftOfToken(token);
  if (!gift) return { ok: false, error: REDEEM_REFUSALS.unknown };
  if (gift.redeemedAt) return { ok: false, error: REDEEM_REFUSALS.redeemed };
  if (expired(gift, now)) return { ok: false, error: REDEEM_REFUSALS.expired };
  const expiresAt = addMonths(now, gift.months);
  const result = await (await db()).transaction(async (tx): Promise<RedeemResult> => {
    const [claimed] = await tx
      .update(gifts)
      .set({ redeemedAt: now, redeemedBy: userId })
      .where(and(eq(gifts.id, gift.id), isNull(gifts.redeemedAt)))
      .returning({ id: gifts.id });
    if (!claimed) return { ok: false, error: REDEEM_REFUSALS.redeemed };
    const [grant] = await tx
      .insert(complimentaryGrants)
      .values({ userId, expiresAt, note: `Gift: ${giftLabel(gift.months)} from ${gift.buyerEmail}`, grantedBy: `gift:${gift.id}` })
      .returning({ id: complimentaryGrants.id });
    if (!grant) throw new Error("grant insert returned nothing");
    await tx.update(gifts).set({ grantId: grant.id }).where(eq(gifts.id, gift.id));
    return { ok: true, expiresAt, span: giftLabel(gift.months) };
  });
  if (result.ok) await tellBuyer(gift, userId);
  return result;
}

async function tellBuyer(gift: Gift, userId: string): Promise<void> {
  const [reader] = await (await db()).select({ email: users.email }).from(users).where(eq(users.id, userId));
  try {
    await sendMailOnceClaimed(
      async (tx) =>
        (
          await tx
            .update(gifts)
            .set({ redeemedNoticeSentAt: new Date() })
            .where(and(eq(gifts.id, gift.id), isNull(gifts.redeemedNoticeSentAt)))
            .returning({ id: gifts.id })
        ).length > 0,
      `gift-redeemed/${gift.id}`,
      () => redeemedMail(gift, reader?.email ?? gift.recipientEmail),
    );
  } catch (err) {
    console.error(`gift ${gift.id}: the buyer's redeemed notice failed`, err);
  }
}
