import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { z } from "zod";
import { db } from "@/lib/db";
import { gifts, type Gift } from "@/db/schema";
import { boss } from "@/lib/jobs/boss";
import { sendMailOnceClaimed } from "@/lib/mail/once";
import { recipientMail } from "./mails";
import { hashRedeemToken, newRedeemToken } from "./token";

export const GIFT_DELIVERY = "gift-delivery";
/** How long a delivered redeem link works. */
export const REDEEM_WINDOW_DAYS = 365;
const DeliveryJob = z.object({ giftId: z.string().min(1) });

export const redeemByOf = (deliveredAt: Date): Date => new Date(deliveredAt.getTime() + REDEEM_WINDOW_DAYS * 86_400_000);

/** Queues the recipient's mail for the start of the delivery day (UTC); a repeat is absorbed by the claim. */
export async function scheduleGiftDelivery(gift: Pick<Gift, "id" | "deliverOn">): Promise<void> {
  const b = await boss();
  await b.createQueue(GIFT_DELIVERY);
  await b.send(GIFT_DELIVERY, { giftId: gift.id }, { startAfter: new Date(`${gift.deliverOn}T00:00:00Z`), singletonKey: gift.id });
}

export type DeliveryOutcome = "sent" | "already-sent" | "no-gift";

/**
 * Mails the recipient a fresh redeem link, once: the claim (delivered_at and the token's hash)
 * and the send share a transaction, so a failed send leaves the gift undelivered for the retry.
 */
export async function runGiftDelivery(input: unknown): Promise<DeliveryOutcome> {
  const { giftId } = DeliveryJob.parse(input);
  const [gift] = await (await db()).select().from(gifts).where(eq(gifts.id, giftId));
  if (!gift) return "no-gift";
  const token = newRedeemToken();
  const deliveredAt = new Date();
  const sent = await sendMailOnceClaimed(
    async (tx) =>
      (
        await tx
          .update(gifts)
          .set({ deliveredAt, tokenHash: hashRedeemToken(token) })
          .where(and(eq(gifts.id, giftId), isNull(gifts.deliveredAt)))
          .returning({ id: gifts.id })
      ).length > 0,
    `gift-delivery/${giftId}`,
    () => recipientMail(gift, token, redeemByOf(deliveredAt)),
  );
  return sent ? "sent" : "already-sent";
}

/** The worker, and on start a re-queue of every undelivered gift (a job lost with a crashed process comes back). */
export async function registerGiftWorkers(b: PgBoss): Promise<void> {
  await b.createQueue(GIFT_DELIVERY);
  await b.work(GIFT_DELIVERY, async (jobs) => {
    for (const job of jobs) await runGiftDelivery(job.data);
  });
  const pending = await (await db()).select({ id: gifts.id, deliverOn: gifts.deliverOn }).from(gifts).where(isNull(gifts.deliveredAt));
  for (const gift of pending) await scheduleGiftDelivery(gift);
}
