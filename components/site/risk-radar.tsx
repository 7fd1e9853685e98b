import Link from "next/link";
import type { Radar, RadarSignal, VectorCount } from "@/lib/pieces/radar";
import type { RadarFilters } from "@/lib/risk/filters";
import { SIGNAL_STATUSES, levelLabel, levelRank, statusLabel } from "@/lib/risk/scale";
import type { TagOption, VectorOption } from "@/lib/risk/taxonomy";
import { formatDate } from "@/lib/format";
import { pieceHref } from "@/lib/site";
import "./risk.css";

/** The radar's filters: a GET form, so every filtered view has its own URL. */
export function RadarFilterForm({ filters, vectors, tags }: { filters: RadarFilters; vectors: VectorOption[]; tags: TagOption[] }) {
  const select = (name: keyof RadarFilters, label: string, anyLabel: string, options: { value: string; name: string }[]) => (
    <label>
      {label}
      <select name={name} defaultValue={filters[name] ?? ""}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
  const ofKind = (kind: TagOption["kind"]) => tags.filter((t) => t.kind === kind).map((t) => ({ value: t.slug, name: t.name }));
  return (
    <form className="risk-filters" method="get" action="/radar" aria-label="Filter signals">
      {select("vector", "Vector", "Any vector", vectors.map((v) => ({ value: v.slug, name: v.name })))}
      {select("sector", "Sector", "Any sector", ofKind("sector"))}
      {select("region", "Region", "Any region", ofKind("region"))}
      {select("status", "Signal status", "Open (watching or triggered)", SIGNAL_STATUSES.map((s) => ({ value: s, name: statusLabel(s) })))}
      <button className="button secondary" type="submit">
        Filter
      </button>
      <Link href="/radar" className="link-quiet">
        Clear
      </Link>
    </form>
  );
}

export function RadarCounts({ counts }: { counts: VectorCount[] }) {
  if (counts.length === 0) return <p>No signals are being watched right now.</p>;
  return (
    <ul className="risk-counts" aria-label="Signals by vector" data-testid="radar-counts">
      {counts.map((c) => (
        <li key={c.slug}>
          <span>{c.name}</span>
          <span>
            {c.signals} {c.signals === 1 ? "signal" : "signals"}
          </span>
        </li>
      ))}
    </ul>
  );
}

function RadarItem({ signal }: { signal: RadarSignal }) {
  return (
    <li className="risk-signal" data-testid="radar-signal">
      <p>
        <span className={`risk-status status-${signal.status}`}>{statusLabel(signal.status)}</span>{" "}
        <time className="meta" dateTime={signal.statusAt.toISOString()}>
          {formatDate(signal.statusAt)}
        </time>
      </p>
      <p className="risk-signal-statement">{signal.statement}</p>
      <p>
        <span className="meta">Indicator: </span>
        {signal.indicator}
      </p>
      {signal.note ? (
        <p>
          <span className="meta">Note: </span>
          {signal.note}
        </p>
      ) : null}
      <p className="meta">
        <span className={`risk-level level-${levelRank(signal.piece.level)}`}>{levelLabel(signal.piece.level)}</span>{" "}
        {signal.piece.vectors.join(" · ")} · <Link href={pieceHref(signal.piece.slug)}>{signal.piece.headline}</Link>
      </p>
    </li>
  );
}

export function RadarSignals({ radar }: { radar: Extract<Radar, { kind: "signals" }> }) {
  if (radar.signals.length === 0) return <p role="status">No signal matches these filters.</p>;
  return (
    <ol className="risk-signals" aria-label="Signals, newest status change first">
      {radar.signals.map((s) => (
        <RadarItem key={s.id} signal={s} />
      ))}
    </ol>
  );
}
