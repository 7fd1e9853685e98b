import type { Plan } from "@/lib/billing/plans";
import { formatPrice } from "@/lib/format";

const NAMES = { month: "Monthly", year: "Yearly" } as const;

function saving(plans: Plan[]): number | null {
  const m = plans.find((p) => p.interval === "month");
  const y = plans.find((p) => p.interval === "year");
  if (!m || !y) return null;
  const pct = Math.round((1 - y.unitAmount / (m.unitAmount * 12)) * 100);
  return pct > 0 ? pct : null;
}

export function PlanCards({
  checkout,
  plans,
  next,
  selected,
  trialDays,
}: {
  checkout: (form: FormData) => Promise<void>;
  plans: Plan[];
  next: string;
  selected: "month" | "year" | undefined;
  trialDays: number;
}) {
  const save = saving(plans);
  return (
    <div className="plan-grid">
      {plans.map((plan) => (
        <article key={plan.priceId} className={`plan-card${selected === plan.interval ? " selected" : ""}`} aria-labelledby={`plan-${plan.interval}`}>
          <h3 id={`plan-${plan.interval}`}>{NAMES[plan.interval]}</h3>
          <p className="price">
            <strong>{formatPrice(plan.unitAmount, plan.currency)}</strong> / {plan.interval}
          </p>
          {plan.interval === "year" && save ? <p className="meta">Save {save}% against monthly</p> : <p className="meta">Cancel any time</p>}
          {trialDays > 0 ? <p className="meta">{trialDays}-day free trial</p> : null}
          <form action={checkout}>
            <input type="hidden" name="plan" value={plan.interval} />
            <input type="hidden" name="next" value={next} />
            <button className={`button large${plan.interval === "year" ? "" : " secondary"}`} type="submit">
              Choose {NAMES[plan.interval].toLowerCase()}
            </button>
          </form>
        </article>
      ))}
    </div>
  );
}
