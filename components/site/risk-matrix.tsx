import type { AssessedVector } from "@/lib/risk/types";
import { directionLabel } from "@/lib/risk/scale";
import { DataTable } from "@/components/ui/data-table";

/**
 * Likelihood × impact matrix, server-rendered SVG. To a screen reader it is one image with a
 * summary, followed by a table with every vector's scores (also shown to sighted readers).
 */
const CELL = 44;
const M = { top: 8, right: 8, bottom: 34, left: 38 };
const SIZE = 5 * CELL;
const W = M.left + SIZE + M.right;
const H = M.top + SIZE + M.bottom;

/** 1–25 → the band of the cell: 1 (low) … 5 (severe). */
export function band(likelihood: number, impact: number): number {
  const s = likelihood * impact;
  return s >= 20 ? 5 : s >= 12 ? 4 : s >= 6 ? 3 : s >= 3 ? 2 : 1;
}

export function matrixSummary(vectors: AssessedVector[]): string {
  const parts = vectors.map((v) => `${v.name}: likelihood ${v.likelihood} of 5, impact ${v.impact} of 5, ${v.direction}`);
  return `Risk matrix of likelihood against impact. ${parts.join("; ")}.`;
}

export function RiskMatrix({ vectors, id }: { vectors: AssessedVector[]; id: string }) {
  const cells = [1, 2, 3, 4, 5].flatMap((l) => [1, 2, 3, 4, 5].map((i) => ({ l, i })));
  const x = (l: number) => M.left + (l - 1) * CELL;
  const y = (i: number) => M.top + (5 - i) * CELL;
  const sameCell = new Map<string, number>();
  return (
    <figure className="risk-matrix" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="visually-hidden">
        Likelihood and impact of each vector
      </figcaption>
      <svg className="risk-matrix-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={matrixSummary(vectors)}>
        {cells.map(({ l, i }) => (
          <rect key={`${l}-${i}`} className={`risk-cell band-${band(l, i)}`} x={x(l)} y={y(i)} width={CELL} height={CELL} />
        ))}
        {[1, 2, 3, 4, 5].map((n) => (
          <g key={n} className="chart-axis">
            <text x={x(n) + CELL / 2} y={M.top + SIZE + 14} textAnchor="middle">
              {n}
            </text>
            <text x={M.left - 8} y={y(n) + CELL / 2 + 4} textAnchor="end">
              {n}
            </text>
          </g>
        ))}
        <text className="chart-axis" x={M.left + SIZE / 2} y={H - 4} textAnchor="middle">
          Likelihood →
        </text>
        <text className="chart-axis" transform={`translate(11 ${M.top + SIZE / 2}) rotate(-90)`} textAnchor="middle">
          Impact →
        </text>
        {vectors.map((v, n) => {
          const key = `${v.likelihood}-${v.impact}`;
          const k = sameCell.get(key) ?? 0;
          sameCell.set(key, k + 1);
          const cx = x(v.likelihood) + 12 + (k % 2) * 20;
          const cy = y(v.impact) + 14 + Math.floor(k / 2) * 18;
          return (
            <g key={v.slug} className="risk-point">
              <circle cx={cx} cy={cy} r={9} />
              <text x={cx} y={cy + 4} textAnchor="middle">
                {n + 1}
              </text>
            </g>
          );
        })}
      </svg>
      <DataTable
        caption="Vectors: likelihood and impact from 1 to 5, and direction"
        rows={vectors.map((v, n) => ({ ...v, n: n + 1 }))}
        rowKey={(v) => v.slug}
        columns={[
          { header: "#", numeric: true, cell: (v) => v.n },
          { header: "Vector", rowHeader: true, cell: (v) => v.name },
          { header: "Likelihood", numeric: true, cell: (v) => v.likelihood },
          { header: "Impact", numeric: true, cell: (v) => v.impact },
          { header: "Direction", cell: (v) => directionLabel(v.direction) },
        ]}
      />
      <ol className="risk-rationales">
        {vectors.map((v) => (
          <li key={v.slug}>
            <strong>{v.name}:</strong> {v.rationale}
          </li>
        ))}
      </ol>
    </figure>
  );
}
