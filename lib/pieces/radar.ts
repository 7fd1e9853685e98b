import "server-only";
import { and, asc, countDistinct, desc, eq, exists, inArray, sql, type SQL } from "drizzle-orm";
import { db } from "@/lib/db";
import { pieces } from "@/db/schema";
import { assessmentExposures, assessmentSignals, assessmentVectors, pieceAssessments, riskTags, riskVectors, signalChanges } from "@/db/schema-risk";
import { hasPaidAccess, type AccessPolicy, type Viewer } from "@/lib/access/rule";
import { mayReadSql } from "@/lib/access/sql";
import type { RadarFilters } from "@/lib/risk/filters";
import type { RiskLevel, SignalStatus } from "@/lib/risk/scale";
import { isPublished } from "./queries";

/**
 * The risk radar: signals across published pieces. Its shape (open signals counted by vector) is
 * public; the signals themselves go only to readers with paid access, and each only when the one
 * access rule (in its SQL form) lets that reader read the signal's piece.
 */
export const OPEN_STATUSES = ["watching", "triggered"] as const satisfies readonly SignalStatus[];
const RADAR_LIMIT = 200;

export interface VectorCount {
  slug: string;
  name: string;
  signals: number;
}

export interface RadarSignal {
  id: string;
  statement: string;
  indicator: string;
  status: SignalStatus;
  statusAt: Date;
  /** The note of the latest status change. */
  note: string | null;
  piece: { slug: string; headline: string; level: RiskLevel; vectors: string[] };
}

export type Radar = { kind: "shape"; counts: VectorCount[] } | { kind: "signals"; counts: VectorCount[]; signals: RadarSignal[] };

const statusIn = (filters: RadarFilters): SQL | undefined =>
  inArray(assessmentSignals.status, filters.status ? [filters.status] : [...OPEN_STATUSES]);

const pieceHasVector = (vector: string) =>
  exists(
    sql`(select 1 from ${assessmentVectors} where ${assessmentVectors.pieceId} = ${assessmentSignals.pieceId} and ${assessmentVectors.vector} = ${vector})`,
  );

const pieceExposes = (kind: "sector" | "region", slug: string) =>
  exists(
    sql`(select 1 from ${assessmentExposures} join ${riskTags} on ${riskTags.id} = ${assessmentExposures.tagId}
      where ${assessmentExposures.pieceId} = ${assessmentSignals.pieceId} and ${riskTags.kind} = ${kind} and ${riskTags.slug} = ${slug})`,
  );

/** Open signals (or those of the chosen status) of published pieces, counted by the vectors of their pieces. */
export async function radarShape(filters: Pick<RadarFilters, "status">, now: Date): Promise<VectorCount[]> {
  const rows = await (
    await db()
  )
    .select({ slug: riskVectors.slug, name: riskVectors.name, signals: countDistinct(assessmentSignals.id) })
    .from(assessmentSignals)
    .innerJoin(pieces, eq(pieces.id, assessmentSignals.pieceId))
    .innerJoin(assessmentVectors, eq(assessmentVectors.pieceId, assessmentSignals.pieceId))
    .innerJoin(riskVectors, eq(riskVectors.slug, assessmentVectors.vector))
    .where(and(isPublished(now), statusIn(filters)))
    .groupBy(riskVectors.slug, riskVectors.name, riskVectors.position)
    .orderBy(asc(riskVectors.position), asc(riskVectors.name));
  return rows.map((r) => ({ ...r, signals: Number(r.signals) }));
}

async function readableSignals(viewerId: string, filters: RadarFilters, policy: AccessPolicy): Promise<RadarSignal[]> {
  const d = await db();
  const latestNote = sql<string | null>`(select ${signalChanges.note} from ${signalChanges}
    where ${signalChanges.signalId} = ${assessmentSignals.id} order by ${signalChanges.at} desc limit 1)`;
  const rows = await d
    .select({
      id: assessmentSignals.id,
      statement: assessmentSignals.statement,
      indicator: assessmentSignals.indicator,
      status: assessmentSignals.status,
      statusAt: assessmentSignals.statusAt,
      note: latestNote,
      pieceId: pieces.id,
      slug: pieces.slug,
      headline: pieces.headline,
      level: pieceAssessments.level,
    })
    .from(assessmentSignals)
    .innerJoin(pieces, eq(pieces.id, assessmentSignals.pieceId))
    .innerJoin(pieceAssessments, eq(pieceAssessments.pieceId, pieces.id))
    .where(
      and(
        isPublished(policy.now),
        mayReadSql(policy, pieces.visibility, viewerId),
        statusIn(filters),
        filters.vector ? pieceHasVector(filters.vector) : undefined,
        filters.sector ? pieceExposes("sector", filters.sector) : undefined,
        filters.region ? pieceExposes("region", filters.region) : undefined,
      ),
    )
    .orderBy(desc(assessmentSignals.statusAt), asc(assessmentSignals.id))
    .limit(RADAR_LIMIT);
  const pieceIds = [...new Set(rows.map((r) => r.pieceId))];
  const names =
    pieceIds.length === 0
      ? []
      : await d
          .select({ pieceId: assessmentVectors.pieceId, name: riskVectors.name })
          .from(assessmentVectors)
          .innerJoin(riskVectors, eq(riskVectors.slug, assessmentVectors.vector))
          .where(inArray(assessmentVectors.pieceId, pieceIds))
          .orderBy(asc(assessmentVectors.position));
  const vectorsOf = new Map<string, string[]>();
  for (const n of names) vectorsOf.set(n.pieceId, [...(vectorsOf.get(n.pieceId) ?? []), n.name]);
  return rows.map(({ pieceId, slug, headline, level, ...s }) => ({ ...s, piece: { slug, headline, level, vectors: vectorsOf.get(pieceId) ?? [] } }));
}

/** The radar as `viewer` may see it: the shape for everyone, the signals for readers with paid access. */
export async function radarForViewer(viewer: Viewer, filters: RadarFilters, policy: AccessPolicy): Promise<Radar> {
  const counts = await radarShape(filters, policy.now);
  if (viewer.kind !== "member" || !hasPaidAccess(viewer, policy)) return { kind: "shape", counts };
  return { kind: "signals", counts, signals: await readableSignals(viewer.userId, filters, policy) };
}
