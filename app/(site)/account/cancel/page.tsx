import type { Metadata } from "next";
import Link from "next/link";
import { requireMember } from "@/lib/auth/guards";
import { billingSummary } from "@/lib/billing/account";
import { mayCancel } from "@/lib/billing/retention";
import { formatDate } from "@/lib/format";
import { CancelForm } from "@/components/site/cancel-form";
import { cancelSubscriptionAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Cancel your subscription", robots: { index: false } };

export default async function CancelPage() {
  const viewer = await requireMember("/account/cancel");
  const [renewing, summary] = await Promise.all([mayCancel(viewer.userId), billingSummary(viewer.userId)]);
  return (
    <div className="wrap narrow account">
      <h1>Cancel your subscription</h1>
      {renewing ? (
        <CancelForm action={cancelSubscriptionAction} endsOn={summary?.currentPeriodEnd ? formatDate(summary.currentPeriodEnd) : null} />
      ) : (
        <p className="notice" role="status">
          You have no subscription that renews, so there is nothing to cancel.
        </p>
      )}
      <p className="meta">
        <Link href="/account">Back to your account</Link>
      </p>
    </div>
  );
}
