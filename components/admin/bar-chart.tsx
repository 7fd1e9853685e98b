/**
 * Server-rendered grouped bar chart, one group per row. To a screen reader it is one image with
 * a summary (role="img" + aria-label); every chart sits next to a table of its numbers. On a
 * phone it scrolls sideways, focusable so a keyboard can scroll it.
 */
export interface Bars<T> {
  label: string;
  /** bar-signups or bar-paying (the admin's two bar colours). */
  className: string;
  value: (row: T) => number;
  title: (row: T) => string;
}

const W = 720;

/** 1, 2, 5, 10, 20, 50, … at or above n. */
export function niceCeiling(n: number): number {
  if (n <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}

export function BarChart<T>({
  caption,
  summary,
  rows,
  rowKey,
  xLabel,
  bars,
  max,
  yLabel = String,
  labelEvery = 1,
  height = 200,
  left = 36,
  captionId,
}: {
  caption: string;
  summary: string;
  rows: readonly T[];
  rowKey: (row: T) => string;
  xLabel: (row: T) => string;
  bars: readonly Bars<T>[];
  /** The top of the scale (a nice number at or above the largest bar). */
  max: number;
  yLabel?: (v: number) => string;
  labelEvery?: number;
  height?: number;
  left?: number;
  captionId?: string;
}) {
  const M = { top: 12, right: 8, bottom: 28, left };
  const plotW = W - M.left - M.right;
  const plotH = height - M.top - M.bottom;
  const slot = plotW / Math.max(1, rows.length);
  const bar = Math.max(1, Math.min(slot / (bars.length + 1), 24));
  const y = (v: number) => M.top + plotH - (v / max) * plotH;
  const ticks = max % 2 === 0 ? [0, max / 2, max] : [0, max];
  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart-caption">
        {caption}
      </figcaption>
      <div className="chart-plot" tabIndex={0} role="group" aria-label={`${caption} (scrolls sideways on small screens)`}>
        <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={summary} className="chart-svg" preserveAspectRatio="xMidYMid meet">
          {ticks.map((t) => (
            <g key={t}>
              <line className="chart-grid" x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
              <text className="chart-axis" x={M.left - 6} y={y(t) + 4} textAnchor="end">
                {yLabel(t)}
              </text>
            </g>
          ))}
          {rows.map((r, i) => {
            const x0 = M.left + i * slot + (slot - bars.length * bar) / 2;
            return (
              <g key={rowKey(r)}>
                {bars.map((b, j) => (
                  <rect key={b.label} className={b.className} x={x0 + j * bar} y={y(b.value(r))} width={Math.max(1, bar - 1)} height={Math.max(0, y(0) - y(b.value(r)))}>
                    <title>{b.title(r)}</title>
                  </rect>
                ))}
                {i % labelEvery === 0 || i === rows.length - 1 ? (
                  <text className="chart-axis" x={M.left + i * slot + slot / 2} y={height - 8} textAnchor="middle">
                    {xLabel(r)}
                  </text>
                ) : null}
              </g>
            );
          })}
          <line className="chart-baseline" x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} />
        </svg>
      </div>
      {bars.length > 1 ? (
        <ul className="chart-legend" aria-hidden="true">
          {bars.map((b) => (
            <li key={b.label}>
              <span className={`swatch ${b.className}`} /> {b.label}
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}
