import { formatDate } from "@/lib/format";
import { cancelsOnDelete, type AccountState } from "@/lib/billing/account-state";

function subscriptionFate(state: AccountState): string {
  if (!cancelsOnDelete(state)) return "You have no running subscription, so nothing is charged or cancelled.";
  const paidUntil = state.kind === "active" ? state.nextCharge : state.kind === "cancelling" ? state.endsOn : null;
  return `Your subscription is cancelled at once, not at the end of the period: access stops now${
    paidUntil ? ` (not on ${formatDate(paidUntil)})` : ""
  }, no further payment is taken, and the unused time is not refunded.`;
}

/** Account deletion, apart from everything else and behind a confirmation step that says what happens. */
export function DangerZone({ state, error, deleteAction }: { state: AccountState; error: boolean; deleteAction: (form: FormData) => Promise<void> }) {
  return (
    <section aria-labelledby="danger" className="danger-zone">
      <h2 id="danger">Danger zone</h2>
      <details open={error}>
        <summary>Delete my account…</summary>
        <p>This removes your account and your email preferences for good.</p>
        <p data-testid="delete-subscription-fate">
          <strong>{subscriptionFate(state)}</strong>
        </p>
        {error ? (
          <p className="notice error" role="alert">
            Type DELETE to confirm.
          </p>
        ) : null}
        <form className="form" action={deleteAction}>
          <label>
            Type DELETE to confirm
            <input type="text" name="confirm" autoComplete="off" />
          </label>
          <div>
            <button className="button danger" type="submit">
              Delete my account for good
            </button>
          </div>
        </form>
      </details>
    </section>
  );
}
