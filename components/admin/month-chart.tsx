import type { MonthRow } from "@/lib/numbers/monthly";
import { niceCeiling } from "./growth-chart";

/**
 * New and churned subscriptions per month as paired bars. One image to a screen reader
 * (role="img" with a summary); the numbers are in the visible table next to it.
 */
const W = 720;
const H = 200;
const M = { top: 12, right: 8, bottom: 28, left: 36 };

export function monthChartSummary(rows: readonly MonthRow[]): string {
  const added = rows.reduce((s, r) => s + r.newSubscriptions, 0);
  const lost = rows.reduce((s, r) => s + r.churned, 0);
  return `Bar chart of new and churned subscriptions per month, ${rows[0]?.month ?? ""} to ${rows.at(-1)?.month ?? ""}: ${added} new, ${lost} churned, net ${added - lost}.`;
}

export function MonthChart({ rows }: { rows: readonly MonthRow[] }) {
  const max = niceCeiling(Math.max(0, ...rows.map((r) => Math.max(r.newSubscriptions, r.churned))));
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const slot = plotW / Math.max(1, rows.length);
  const bar = Math.max(2, slot / 3);
  const y = (n: number) => M.top + plotH - (n / max) * plotH;
  return (
    <figure className="chart">
      <figcaption className="chart-caption">New and churned subscriptions per month (UTC)</figcaption>
      {/* Scrolls sideways on a phone: focusable so a keyboard can scroll it. */}
      <div className="chart-plot" tabIndex={0} role="group" aria-label="Chart (scrolls sideways on small screens)">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={monthChartSummary(rows)} className="chart-svg">
        <line x1={M.left} x2={W - M.right} y1={y(max)} y2={y(max)} className="chart-grid" />
        <text x={M.left - 6} y={y(max) + 4} textAnchor="end" className="chart-axis">
          {max}
        </text>
        <text x={M.left - 6} y={y(0) + 4} textAnchor="end" className="chart-axis">
          0
        </text>
        {rows.map((r, i) => {
          const x = M.left + i * slot + slot / 2;
          return (
            <g key={r.month}>
              <rect x={x - bar} y={y(r.newSubscriptions)} width={bar} height={y(0) - y(r.newSubscriptions)} className="bar-signups">
                <title>{`${r.month}: ${r.newSubscriptions} new`}</title>
              </rect>
              <rect x={x} y={y(r.churned)} width={bar} height={y(0) - y(r.churned)} className="bar-paying">
                <title>{`${r.month}: ${r.churned} churned`}</title>
              </rect>
              <text x={x} y={H - 8} textAnchor="middle" className="chart-axis">
                {r.month}
              </text>
            </g>
          );
        })}
        <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} className="chart-baseline" />
      </svg>
      </div>
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="swatch bar-signups" /> New
        </li>
        <li>
          <span className="swatch bar-paying" /> Churned
        </li>
      </ul>
    </figure>
  );
}
