import type { Metadata } from "next";
import { GiftForm } from "@/components/site/gift-form";
import { buyGiftAction } from "./actions";
import { config } from "@/lib/env";
import { formatMoney, isoDay } from "@/lib/format";
import { giftLabel } from "@/lib/gifts/catalog";
import { GIFT_MESSAGE_MAX } from "@/lib/gifts/input";
import { listGiftPrices } from "@/lib/gifts/prices";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Give a gift", description: "Give someone full access for 1, 3, 6 or 12 months." };

export default async function GiftPage({ searchParams }: { searchParams: Promise<{ canceled?: string }> }) {
  const sp = await searchParams;
  const prices = await listGiftPrices();
  const now = new Date();
  const options = prices.map((p) => ({ months: p.months, label: giftLabel(p.months), price: formatMoney(p.unitAmount, p.currency) }));
  return (
    <div className="wrap narrow">
      <p className="kicker">Gift</p>
      <h1>Give {config().publication.name}</h1>
      <p className="lede">
        Full access to every analysis for 1, 3, 6 or 12 months, paid once. We email the recipient a link on the day you
        choose; their access starts when they redeem it. Nothing renews.
      </p>
      {sp.canceled ? (
        <p className="notice" role="status">
          Checkout was canceled. Nothing was charged.
        </p>
      ) : null}
      <GiftForm
        action={buyGiftAction}
        options={options}
        today={isoDay(now)}
        latest={isoDay(new Date(now.getTime() + 365 * 86_400_000))}
        messageMax={GIFT_MESSAGE_MAX}
      />
    </div>
  );
}
