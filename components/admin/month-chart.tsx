import type { MonthRow } from "@/lib/numbers/monthly";
import { BarChart, niceCeiling } from "./bar-chart";

export function monthChartSummary(rows: readonly MonthRow[]): string {
  const added = rows.reduce((s, r) => s + r.newSubscriptions, 0);
  const lost = rows.reduce((s, r) => s + r.churned, 0);
  return `Bar chart of new and churned subscriptions per month, ${rows[0]?.month ?? ""} to ${rows.at(-1)?.month ?? ""}: ${added} new, ${lost} churned, net ${added - lost}.`;
}

/** New and churned subscriptions per month as paired bars (the numbers are in the table next to it). */
export function MonthChart({ rows }: { rows: readonly MonthRow[] }) {
  return (
    <BarChart
      caption="New and churned subscriptions per month (UTC)"
      summary={monthChartSummary(rows)}
      rows={rows}
      rowKey={(r) => r.month}
      xLabel={(r) => r.month}
      max={niceCeiling(Math.max(0, ...rows.map((r) => Math.max(r.newSubscriptions, r.churned))))}
      bars={[
        { label: "New", className: "bar-signups", value: (r) => r.newSubscriptions, title: (r) => `${r.month}: ${r.newSubscriptions} new` },
        { label: "Churned", className: "bar-paying", value: (r) => r.churned, title: (r) => `${r.month}: ${r.churned} churned` },
      ]}
    />
  );
}
