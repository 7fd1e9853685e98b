import { z } from "zod";
import { firstIssue } from "@/lib/actions/form-input";
import { RISK_LEVELS, SIGNAL_STATUSES, type RiskLevel, type SignalStatus } from "./scale";

/**
 * The query parameters of the risk radar (?vector=&sector=&region=&status=) and of the archive
 * (?vector=&level=). Pure: checked against the managed lists the caller passes in, so an unknown
 * name is a clear message, never an empty page that looks like "no results".
 */
type Raw = Record<string, string | string[] | undefined>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const blankIsAbsent = (v: unknown) => (v === "" ? undefined : v);
const one = (label: string) =>
  z.preprocess(
    blankIsAbsent,
    z
      .string({ error: `${label}: choose one at a time.` })
      .max(80, { error: `${label}: choose one from the list.` })
      .regex(SLUG, { error: `${label}: choose one from the list.` })
      .optional(),
  );

const RadarQuery = z.object({
  vector: one("Vector"),
  sector: one("Sector"),
  region: one("Region"),
  status: z.preprocess(blankIsAbsent, z.enum(SIGNAL_STATUSES, { error: "Status: choose watching, triggered or faded." }).optional()),
});

const ArchiveQuery = z.object({
  vector: one("Vector"),
  level: z.preprocess(blankIsAbsent, z.enum(RISK_LEVELS, { error: `Risk level: choose ${RISK_LEVELS.join(", ")}.` }).optional()),
});

export interface RadarFilters {
  vector?: string;
  sector?: string;
  region?: string;
  status?: SignalStatus;
}

export interface ArchiveFilters {
  vector?: string;
  level?: RiskLevel;
}

/** The slugs the filters may name. */
export interface FilterLists {
  vectors: readonly string[];
  sectors?: readonly string[];
  regions?: readonly string[];
}

export type Parsed<T> = { ok: true; filters: T } | { ok: false; error: string };

function unknownIn(value: string | undefined, list: readonly string[] | undefined, label: string): string | null {
  return value !== undefined && !(list ?? []).includes(value) ? `${label}: there is no “${value}”; choose one from the list.` : null;
}

export function parseRadarFilters(raw: Raw, lists: FilterLists): Parsed<RadarFilters> {
  const parsed = RadarQuery.safeParse({ vector: raw.vector, sector: raw.sector, region: raw.region, status: raw.status });
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error, "Check the filters and try again.") };
  const f = parsed.data;
  const error =
    unknownIn(f.vector, lists.vectors, "Vector") ?? unknownIn(f.sector, lists.sectors, "Sector") ?? unknownIn(f.region, lists.regions, "Region");
  return error ? { ok: false, error } : { ok: true, filters: withoutAbsent(f) };
}

export function parseArchiveFilters(raw: Raw, lists: Pick<FilterLists, "vectors">): Parsed<ArchiveFilters> {
  const parsed = ArchiveQuery.safeParse({ vector: raw.vector, level: raw.level });
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error, "Check the filters and try again.") };
  const error = unknownIn(parsed.data.vector, lists.vectors, "Vector");
  return error ? { ok: false, error } : { ok: true, filters: withoutAbsent(parsed.data) };
}

function withoutAbsent<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The query string of a filter set (empty values left out), for links. */
export function filterQuery(filters: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}
