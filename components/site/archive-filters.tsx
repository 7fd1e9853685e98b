import Link from "next/link";
import type { ArchiveFilters as Filters } from "@/lib/risk/filters";
import { filterQuery } from "@/lib/risk/filters";
import { RISK_LEVELS, levelLabel } from "@/lib/risk/scale";
import type { VectorOption } from "@/lib/risk/taxonomy";
import "./risk.css";

/** Archive filters by vector and risk level: plain links, so every filtered list has its own cacheable URL. */
export function ArchiveFilters({ basePath, filters, vectors }: { basePath: string; filters: Filters; vectors: VectorOption[] }) {
  const href = (next: Filters) => `${basePath}${filterQuery({ vector: next.vector, level: next.level })}`;
  const chip = (label: string, to: Filters, current: boolean) => (
    <li key={label}>
      <Link href={href(to)} aria-current={current ? "true" : undefined}>
        {label}
      </Link>
    </li>
  );
  return (
    <nav className="archive-filters" aria-label="Filter by risk">
      <p className="meta">Vector</p>
      <ul className="risk-chips">
        {chip("Any vector", { level: filters.level }, filters.vector === undefined)}
        {vectors.map((v) => chip(v.name, { vector: v.slug, level: filters.level }, filters.vector === v.slug))}
      </ul>
      <p className="meta">Risk level</p>
      <ul className="risk-chips">
        {chip("Any level", { vector: filters.vector }, filters.level === undefined)}
        {RISK_LEVELS.map((l) => chip(levelLabel(l), { vector: filters.vector, level: l }, filters.level === l))}
      </ul>
    </nav>
  );
}

/** The words above a filtered list. */
export function describeFilters(filters: Filters, vectors: VectorOption[]): string | null {
  const parts = [
    filters.vector ? vectors.find((v) => v.slug === filters.vector)?.name ?? filters.vector : null,
    filters.level ? `${levelLabel(filters.level)} risk` : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(" · ") : null;
}
