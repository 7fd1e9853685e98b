import type { LoadStats } from "./load";

export interface Row {
  label: string;
  path: string;
  reqPerSec: number;
  /** Page views per second (a view may be two requests: the document and its island's). */
  viewsPerSec: number;
  /** Undefined for derived rows (a mean of percentiles is not a percentile). */
  p50Ms?: number;
  p99Ms?: number;
  non2xx: number;
  errors: number;
  requests: number;
  seconds?: number;
  bytesPerResponse?: number;
  /** req/s relative to the baseline mean. */
  ratio?: number;
}

export function rowOf(stats: LoadStats, baselineReqPerSec: number): Row {
  return { ...stats, ratio: stats.viewsPerSec / baselineReqPerSec };
}

const fmt = (value: number | undefined, digits: number): string => (value === undefined ? "–" : value.toFixed(digits));

export function formatTable(rows: Row[]): string {
  const header = ["run", "URL", "views/s", "req/s (mean)", "p50 ms", "p99 ms", "non-2xx", "errors", "requests", "s", "KiB/resp", "÷ baseline"];
  const right = [false, false, true, true, true, true, true, true, true, true, true, true];
  const body = rows.map((r) => [
    r.label,
    r.path,
    fmt(r.viewsPerSec, 1),
    fmt(r.reqPerSec, 1),
    fmt(r.p50Ms, 0),
    fmt(r.p99Ms, 0),
    String(r.non2xx),
    String(r.errors),
    String(r.requests),
    fmt(r.seconds, 1),
    fmt(r.bytesPerResponse === undefined ? undefined : r.bytesPerResponse / 1024, 1),
    fmt(r.ratio, 2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? "").length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (right[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  ");
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...body.map(line)].join("\n");
}
