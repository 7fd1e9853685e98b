import type { DayCount } from "@/lib/staff/dashboard";
import { DataTable } from "@/components/ui/data-table";
import { formatDate, formatShortDate } from "@/lib/format";

/**
 * Server-rendered grouped bar chart of sign-ups and new paying subscribers per day. To a
 * screen reader it is one image with a summary (role="img" + aria-label), followed by the table
 * of every day's numbers, folded in a <details> anyone can open.
 */
const W = 720;
const H = 240;
const M = { top: 14, right: 8, bottom: 30, left: 40 };

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** 1, 2, 5, 10, 20, 50, … at or above n. */
export function niceCeiling(n: number): number {
  if (n <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}

function peak(series: DayCount[], key: "signups" | "newPaying"): string {
  const total = series.reduce((s, d) => s + d[key], 0);
  if (total === 0) return "none";
  const top = series.reduce((best, d) => (d[key] > best[key] ? d : best), series[0]!);
  return `${total} in total, most on ${formatShortDate(asDate(top.day))} (${top[key]})`;
}

export function chartSummary(series: DayCount[]): string {
  if (series.length === 0) return "No data.";
  const from = formatShortDate(asDate(series[0]!.day));
  const to = formatDate(asDate(series[series.length - 1]!.day));
  return `Bar chart of sign-ups and new paying subscribers per day, ${from} to ${to}. Sign-ups: ${peak(series, "signups")}. New paying subscribers: ${peak(series, "newPaying")}.`;
}

export function GrowthChart({ series, id = "growth" }: { series: DayCount[]; id?: string }) {
  const max = niceCeiling(Math.max(0, ...series.map((d) => Math.max(d.signups, d.newPaying))));
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const slot = plotW / Math.max(1, series.length);
  const bar = Math.max(1, Math.min(12, (slot - 3) / 2));
  const y = (v: number) => M.top + plotH - (v / max) * plotH;
  const ticks = max % 2 === 0 ? [0, max / 2, max] : [0, max];
  const labelEvery = Math.max(1, Math.ceil(series.length / 6));
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="chart-caption">
        Sign-ups and new paying subscribers, last {series.length} days (UTC)
      </figcaption>
      {/* Scrolls sideways on a phone: focusable so a keyboard can scroll it. */}
      <div className="chart-plot" tabIndex={0} role="group" aria-label="Chart (scrolls sideways on small screens)">
        <svg
          className="chart-svg"
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={chartSummary(series)}
          preserveAspectRatio="xMidYMid meet"
        >
          {ticks.map((t) => (
            <g key={t}>
              <line className="chart-grid" x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
              <text className="chart-axis" x={M.left - 6} y={y(t) + 4} textAnchor="end">
                {t}
              </text>
            </g>
          ))}
          {series.map((d, i) => {
            const x0 = M.left + i * slot + (slot - 2 * bar - 1) / 2;
            return (
              <g key={d.day}>
                <rect className="bar-signups" x={x0} y={y(d.signups)} width={bar} height={Math.max(0, M.top + plotH - y(d.signups))}>
                  <title>{`${formatShortDate(asDate(d.day))}: ${d.signups} sign-up${d.signups === 1 ? "" : "s"}`}</title>
                </rect>
                <rect
                  className="bar-paying"
                  x={x0 + bar + 1}
                  y={y(d.newPaying)}
                  width={bar}
                  height={Math.max(0, M.top + plotH - y(d.newPaying))}
                >
                  <title>{`${formatShortDate(asDate(d.day))}: ${d.newPaying} new paying`}</title>
                </rect>
                {i % labelEvery === 0 || i === series.length - 1 ? (
                  <text className="chart-axis" x={M.left + i * slot + slot / 2} y={H - 10} textAnchor="middle">
                    {formatShortDate(asDate(d.day))}
                  </text>
                ) : null}
              </g>
            );
          })}
          <line className="chart-baseline" x1={M.left} x2={W - M.right} y1={M.top + plotH} y2={M.top + plotH} />
        </svg>
      </div>
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="swatch bar-signups" /> Sign-ups
        </li>
        <li>
          <span className="swatch bar-paying" /> New paying subscribers
        </li>
      </ul>
      <details className="chart-data">
        <summary>The numbers, day by day</summary>
        <DataTable
          caption="Sign-ups and new paying subscribers per day"
          rows={series}
          rowKey={(d) => d.day}
          columns={[
            { header: "Day", rowHeader: true, cell: (d) => formatDate(asDate(d.day)) },
            { header: "Sign-ups", numeric: true, cell: (d) => d.signups },
            { header: "New paying subscribers", numeric: true, cell: (d) => d.newPaying },
          ]}
        />
      </details>
    </figure>
  );
}
