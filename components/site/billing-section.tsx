import Link from "next/link";
import type { BillingSummary } from "@/lib/billing/account";
import { accountState, type AccountState } from "@/lib/billing/account-state";
import { formatDate, formatPrice } from "@/lib/format";

function stateLine(state: AccountState): string | null {
  switch (state.kind) {
    case "active":
      return state.nextCharge ? `Next charge on ${formatDate(state.nextCharge)}` : null;
    case "cancelling":
      return state.endsOn ? `Cancelling: ends on ${formatDate(state.endsOn)}; you keep access until then` : "Cancelling at the end of the period";
    case "trialing":
      return state.trialEnds ? `Trial ends on ${formatDate(state.trialEnds)}${state.cancelling ? "; it will not renew" : ""}` : null;
    case "past_due":
      return "Your last payment failed. Update your payment method to keep reading.";
    case "ended":
      return state.endedOn ? `Ended on ${formatDate(state.endedOn)}` : "Ended";
    default:
      return null;
  }
}

const LABEL: Record<AccountState["kind"], string> = {
  none: "No subscription",
  active: "Active",
  cancelling: "Cancelling",
  trialing: "Free trial",
  past_due: "Payment overdue",
  ended: "Ended",
  other: "",
};

export function BillingSection({
  summary,
  hasCustomer,
  openPortal,
}: {
  summary: BillingSummary | null;
  hasCustomer: boolean;
  openPortal: (form: FormData) => Promise<void>;
}) {
  const state = accountState(summary);
  const line = stateLine(state);
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
          <dd data-testid="subscription-status">{state.kind === "other" ? summary.status : LABEL[state.kind]}</dd>
          {line ? (
            <>
              <dt>Dates</dt>
              <dd data-testid="subscription-dates">{line}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p>
          No subscription. <Link href="/join">See the plans</Link>
        </p>
      )}
      {state.kind === "past_due" ? (
        <p className="notice error" role="alert">
          <a href="/account/billing">Fix your payment in the billing portal</a>
        </p>
      ) : null}
      {state.kind === "active" || (state.kind === "trialing" && !state.cancelling) ? (
        <p>
          <Link href="/account/cancel">Cancel subscription</Link>
        </p>
      ) : null}
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
