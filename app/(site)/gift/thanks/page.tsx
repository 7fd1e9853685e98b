import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { formatDate } from "@/lib/format";
import { giftLabel } from "@/lib/gifts/catalog";
import { recordGiftSession } from "@/lib/gifts/record";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Thank you for your gift", robots: { index: false } };

const Query = z.object({ session_id: z.string().regex(/^cs_[A-Za-z0-9_]{1,200}$/).optional().catch(undefined) });

/** Return from Checkout: the same convergent recording as the webhook (the URL alone records nothing unpaid). */
export default async function GiftThanksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { session_id } = Query.parse(await searchParams);
  const outcome = session_id ? await recordGiftSession(session_id).catch(() => null) : null;
  if (!outcome || outcome.kind !== "recorded") {
    return (
      <div className="wrap narrow">
        <h1>We couldn’t find that gift</h1>
        <p>If you paid, your receipt is on its way by email. <Link href="/gift">Give a gift</Link></p>
      </div>
    );
  }
  const { gift } = outcome;
  return (
    <div className="wrap narrow">
      <p className="kicker">Gift</p>
      <h1>Thank you: your gift is booked</h1>
      <p className="notice" role="status">
        {giftLabel(gift.months)} for {gift.recipientEmail}, delivered by email on {formatDate(new Date(`${gift.deliverOn}T00:00:00Z`))}.
        Your receipt is on its way to {gift.buyerEmail}.
      </p>
      <p>
        <Link href="/">Back to the latest analysis</Link>
      </p>
    </div>
  );
}
