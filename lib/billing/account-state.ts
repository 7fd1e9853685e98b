import type { BillingSummary } from "./account";

/** What /account says about the subscription: the true state, from the synced mirror. */
export type AccountState =
  | { kind: "none" }
  | { kind: "active"; nextCharge: Date | null }
  | { kind: "cancelling"; endsOn: Date | null }
  | { kind: "trialing"; trialEnds: Date | null; cancelling: boolean }
  | { kind: "past_due" }
  | { kind: "ended"; endedOn: Date | null }
  | { kind: "other"; status: string };

export function accountState(s: BillingSummary | null): AccountState {
  if (!s) return { kind: "none" };
  switch (s.status) {
    case "active":
      return s.cancelAtPeriodEnd ? { kind: "cancelling", endsOn: s.currentPeriodEnd } : { kind: "active", nextCharge: s.currentPeriodEnd };
    case "trialing":
      return { kind: "trialing", trialEnds: s.trialEnd ?? s.currentPeriodEnd, cancelling: s.cancelAtPeriodEnd };
    case "past_due":
    case "unpaid":
      return { kind: "past_due" };
    case "canceled":
    case "incomplete_expired":
      return { kind: "ended", endedOn: s.endedAt ?? s.currentPeriodEnd };
    default:
      return { kind: "other", status: s.status };
  }
}

/** Whether deleting the account now cancels a subscription that still runs (at once: the customer is deleted). */
export const cancelsOnDelete = (state: AccountState): boolean =>
  state.kind === "active" || state.kind === "cancelling" || state.kind === "trialing" || state.kind === "past_due";
