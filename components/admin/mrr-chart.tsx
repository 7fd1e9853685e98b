import { formatMoney, formatPrice } from "@/lib/format";
import type { MonthRow } from "@/lib/numbers/monthly";
import { niceCeiling } from "./growth-chart";

/**
 * MRR at each month's end as bars, in the currency that earns the most now (other currencies
 * are in the table next to it). One image to a screen reader, with a summary.
 */
const W = 720;
const H = 200;
const M = { top: 12, right: 8, bottom: 28, left: 64 };

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

export function MrrChart({ rows }: { rows: readonly MonthRow[] }) {
  const { currency, points } = mrrSeries(rows);
  // Whole units on the axis: a nice ceiling of the largest month, in minor units again.
  const max = niceCeiling(Math.max(0, ...points.map((p) => p.monthly)) / 100) * 100;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const slot = plotW / Math.max(1, points.length);
  const bar = Math.max(2, slot / 2);
  const y = (n: number) => M.top + plotH - (n / max) * plotH;
  return (
    <figure className="chart">
      <figcaption className="chart-caption">MRR at each month&apos;s end ({currency.toUpperCase()})</figcaption>
      <div className="chart-plot" tabIndex={0} role="group" aria-label="MRR chart (scrolls sideways on small screens)">
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={mrrChartSummary(rows)} className="chart-svg">
          <line x1={M.left} x2={W - M.right} y1={y(max)} y2={y(max)} className="chart-grid" />
          <text x={M.left - 6} y={y(max) + 4} textAnchor="end" className="chart-axis">
            {formatPrice(max, currency)}
          </text>
          <text x={M.left - 6} y={y(0) + 4} textAnchor="end" className="chart-axis">
            0
          </text>
          {points.map((p, i) => {
            const x = M.left + i * slot + slot / 2;
            return (
              <g key={p.month}>
                <rect x={x - bar / 2} y={y(p.monthly)} width={bar} height={y(0) - y(p.monthly)} className="bar-paying">
                  <title>{`${p.month}: ${formatMoney(p.monthly, currency)}`}</title>
                </rect>
                <text x={x} y={H - 8} textAnchor="middle" className="chart-axis">
                  {p.month}
                </text>
              </g>
            );
          })}
          <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} className="chart-baseline" />
        </svg>
      </div>
    </figure>
  );
}
