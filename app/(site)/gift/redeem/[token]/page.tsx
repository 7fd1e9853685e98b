import type { Metadata } from "next";
import Link from "next/link";
import { RedeemForm } from "@/components/site/redeem-form";
import { redeemGiftAction } from "../../actions";
import { currentViewer } from "@/lib/auth/viewer";
import { formatDate } from "@/lib/format";
import { lookUpGift, REDEEM_REFUSALS } from "@/lib/gifts/redeem";
import { loginHref } from "@/lib/site";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Redeem your gift", robots: { index: false }, referrer: "no-referrer" };

export default async function RedeemPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const viewer = await currentViewer();
  const gift = await lookUpGift(token, viewer.kind === "member" ? viewer.userId : null);
  const here = `/gift/redeem/${encodeURIComponent(token)}`;
  return (
    <div className="wrap narrow">
      <p className="kicker">Gift</p>
      {gift.kind === "unknown" || gift.kind === "expired" ? (
        <>
          <h1>This gift can’t be redeemed</h1>
          <p className="notice error" role="alert">
            {REDEEM_REFUSALS[gift.kind]}
          </p>
        </>
      ) : gift.kind === "redeemed" ? (
        <>
          <h1>Gift redeemed</h1>
          <p className="notice" role="status">
            {REDEEM_REFUSALS.redeemed}
            {gift.byYou && gift.expiresAt ? ` You redeemed it: your access runs until ${formatDate(gift.expiresAt)}.` : ""}
          </p>
          {gift.byYou ? (
            <p>
              <Link className="button" href="/">
                Start reading
              </Link>
            </p>
          ) : null}
        </>
      ) : (
        <>
          <h1>You’ve been given {gift.span}</h1>
          <p className="lede">{gift.fromEmail} gave you full access to every analysis, starting the day you redeem it.</p>
          {gift.message ? <blockquote>{gift.message}</blockquote> : null}
          {viewer.kind === "member" ? (
            <RedeemForm action={redeemGiftAction} token={token} label={`Redeem ${gift.span}`} />
          ) : (
            <p>
              <Link className="button large" href={loginHref(here)}>
                Sign in to redeem
              </Link>
            </p>
          )}
        </>
      )}
    </div>
  );
}
