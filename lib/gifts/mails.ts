import "server-only";
import { renderGiftReceipt, renderGiftReceived, renderGiftRedeemed } from "@/emails/render";
import type { Gift } from "@/db/schema";
import { config } from "@/lib/env";
import { formatDate, formatMoney } from "@/lib/format";
import { mailPublication } from "@/lib/mail/publication";
import type { OutgoingMail } from "@/lib/mail/transport";
import { giftLabel } from "./catalog";

const day = (iso: string) => formatDate(new Date(`${iso}T00:00:00Z`));

export async function receiptMail(gift: Gift): Promise<OutgoingMail> {
  const mail = await renderGiftReceipt({
    span: giftLabel(gift.months),
    recipientEmail: gift.recipientEmail,
    deliverOn: day(gift.deliverOn),
    amount: formatMoney(gift.amountTotal, gift.currency),
    tax: gift.amountTax > 0 ? formatMoney(gift.amountTax, gift.currency) : undefined,
    message: gift.message ?? undefined,
    publication: mailPublication(),
  });
  return { to: gift.buyerEmail, subject: `Your gift of ${config().publication.name}: receipt`, ...mail };
}

export async function recipientMail(gift: Gift, token: string, redeemBy: Date): Promise<OutgoingMail> {
  const mail = await renderGiftReceived({
    span: giftLabel(gift.months),
    fromEmail: gift.buyerEmail,
    message: gift.message ?? undefined,
    redeemUrl: `${config().appUrl}/gift/redeem/${token}`,
    redeemBy: formatDate(redeemBy),
    publication: mailPublication(),
  });
  return { to: gift.recipientEmail, subject: `A gift for you: ${giftLabel(gift.months)} of ${config().publication.name}`, ...mail };
}

export async function redeemedMail(gift: Gift, recipientEmail: string): Promise<OutgoingMail> {
  const mail = await renderGiftRedeemed({ span: giftLabel(gift.months), recipientEmail, publication: mailPublication() });
  return { to: gift.buyerEmail, subject: "Your gift was redeemed", ...mail };
}
