import { formatMoney, formatPrice } from "@/lib/format";
import type { MonthRow } from "@/lib/numbers/monthly";
import { BarChart, niceCeiling } from "./bar-chart";

export function mrrSeries(rows: readonly MonthRow[]): { currency: string; points: { month: string; monthly: number }[] } {
  const latest = rows.at(-1)?.mrr ?? [];
  const currency = latest[0]?.currency ?? rows.flatMap((r) => r.mrr).at(0)?.currency ?? "usd";
  return { currency, points: rows.map((r) => ({ month: r.month, monthly: r.mrr.find((x) => x.currency === currency)?.monthly ?? 0 })) };
}

export function mrrChartSummary(rows: readonly MonthRow[]): string {
  const { currency, points } = mrrSeries(rows);
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return "No data.";
  return `Bar chart of monthly recurring revenue in ${currency.toUpperCase()} at each month's end, ${first.month} to ${last.month}: ${formatMoney(first.monthly, currency)} to ${formatMoney(last.monthly, currency)}.`;
}

/** MRR at each month's end as bars, in the currency that earns the most now (every currency is in the table next to it). */
export function MrrChart({ rows }: { rows: readonly MonthRow[] }) {
  const { currency, points } = mrrSeries(rows);
  return (
    <BarChart
      caption={`MRR at each month's end (${currency.toUpperCase()})`}
      summary={mrrChartSummary(rows)}
      rows={points}
      rowKey={(p) => p.month}
      xLabel={(p) => p.month}
      // Whole units on the axis: a nice ceiling of the largest month, in minor units again.
      max={niceCeiling(Math.max(0, ...points.map((p) => p.monthly)) / 100) * 100}
      yLabel={(v) => (v === 0 ? "0" : formatPrice(v, currency))}
      left={64}
      bars={[{ label: "MRR", className: "bar-paying", value: (p) => p.monthly, title: (p) => `${p.month}: ${formatMoney(p.monthly, currency)}` }]}
    />
  );
}
