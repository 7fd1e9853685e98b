import Link from "next/link";
import type { BillingSummary } from "@/lib/billing/account";
import { formatDate, formatPrice } from "@/lib/format";

const STATUS: Record<string, string> = {
  active: "Active",
  trialing: "Free trial",
  past_due: "Payment overdue",
  canceled: "Canceled",
  unpaid: "Unpaid",
  paused: "Paused",
  incomplete: "Incomplete",
  incomplete_expired: "Expired",
};

function renewalLine(s: BillingSummary): string | null {
  if (!s.currentPeriodEnd) return null;
  const date = formatDate(s.currentPeriodEnd);
  if (s.status === "canceled") return `Ended ${date}`;
  if (s.cancelAtPeriodEnd) return `Ends on ${date}; you keep access until then`;
  if (s.status === "trialing" && s.trialEnd) return `Trial ends on ${formatDate(s.trialEnd)}`;
  return `Renews on ${date}`;
}

export function BillingSection({
  summary,
  hasCustomer,
  openPortal,
}: {
  summary: BillingSummary | null;
  hasCustomer: boolean;
  openPortal: (form: FormData) => Promise<void>;
}) {
  return (
    <section aria-labelledby="billing">
      <h2 id="billing">Subscription</h2>
      {summary ? (
        <dl className="facts">
          <dt>Plan</dt>
          <dd>
            {summary.interval === "year" ? "Yearly" : "Monthly"}
            {summary.unitAmount !== null && summary.currency ? ` · ${formatPrice(summary.unitAmount, summary.currency)} / ${summary.interval}` : null}
          </dd>
          <dt>Status</dt>
          <dd data-testid="subscription-status">{STATUS[summary.status] ?? summary.status}</dd>
          {renewalLine(summary) ? (
            <>
              <dt>Dates</dt>
              <dd data-testid="subscription-dates">{renewalLine(summary)}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p>
          No subscription. <Link href="/join">See the plans</Link>
        </p>
      )}
      {hasCustomer ? (
        <form action={openPortal}>
          <button className="button secondary" type="submit">
            Manage billing
          </button>
        </form>
      ) : null}
    </section>
  );
}
