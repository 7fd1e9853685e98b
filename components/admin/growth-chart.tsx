import type { DayCount } from "@/lib/staff/dashboard";
import { DataTable } from "@/components/ui/data-table";
import { BarChart, niceCeiling } from "./bar-chart";
import { formatDate, formatShortDate } from "@/lib/format";

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

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

/** Sign-ups and new paying subscribers per day, with the table of every day's numbers folded in a <details> anyone can open. */
export function GrowthChart({ series, id = "growth" }: { series: DayCount[]; id?: string }) {
  const day = (d: DayCount) => formatShortDate(asDate(d.day));
  return (
    <>
      <BarChart
        captionId={`${id}-caption`}
        caption={`Sign-ups and new paying subscribers, last ${series.length} days (UTC)`}
        summary={chartSummary(series)}
        rows={series}
        rowKey={(d) => d.day}
        xLabel={day}
        labelEvery={Math.max(1, Math.ceil(series.length / 6))}
        height={240}
        left={40}
        max={niceCeiling(Math.max(0, ...series.map((d) => Math.max(d.signups, d.newPaying))))}
        bars={[
          { label: "Sign-ups", className: "bar-signups", value: (d) => d.signups, title: (d) => `${day(d)}: ${d.signups} sign-up${d.signups === 1 ? "" : "s"}` },
          { label: "New paying subscribers", className: "bar-paying", value: (d) => d.newPaying, title: (d) => `${day(d)}: ${d.newPaying} new paying` },
        ]}
      />
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
    </>
  );
}
