import "server-only";
import { and, eq, exists, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  assessmentExposures,
  assessmentSignals,
  assessmentVectors,
  pieceAssessments,
  riskTags,
  riskVectors,
  signalChanges,
} from "@/db/schema-risk";
import type { Assessment } from "@/lib/risk/assessment-schema";
import type { SignalStatus, TagKind } from "@/lib/risk/scale";

/**
 * Writing a piece's assessment (the editor's save) and a signal's status change. Lives beside
 * the gated reads: no module outside lib/pieces/ names the gated tables.
 */
export type AssessmentRefErrors = Record<`assessment.${string}`, string>;

const LISTS: [keyof Pick<Assessment, "sectors" | "regions" | "organisations">, TagKind, string][] = [
  ["sectors", "sector", "Exposed sectors"],
  ["regions", "region", "Exposed regions"],
  ["organisations", "organisation", "Exposed organisations"],
];

/** Vectors and tags must come from the managed lists: a term still in use, or a retired one the piece already carries. */
export async function checkAssessmentRefs(d: Db, a: Assessment, pieceId: string | null): Promise<AssessmentRefErrors> {
  const errors: AssessmentRefErrors = {};
  const carried = pieceId ?? "";
  const vectorRows = await d
    .select({ slug: riskVectors.slug })
    .from(riskVectors)
    .where(
      or(
        isNull(riskVectors.retiredAt),
        exists(d.select({ one: sql`1` }).from(assessmentVectors).where(and(eq(assessmentVectors.pieceId, carried), eq(assessmentVectors.vector, riskVectors.slug)))),
      ),
    );
  const known = new Set(vectorRows.map((v) => v.slug));
  a.vectors.forEach((v, i) => {
    if (!known.has(v.vector)) errors[`assessment.vectors.${i}.vector`] = `Vector ${i + 1}: choose a vector from the list.`;
  });
  const ids = LISTS.flatMap(([key]) => a[key]);
  const tags =
    ids.length === 0
      ? []
      : await d
          .select({ id: riskTags.id, kind: riskTags.kind })
          .from(riskTags)
          .where(
            and(
              inArray(riskTags.id, ids),
              or(
                isNull(riskTags.retiredAt),
                exists(d.select({ one: sql`1` }).from(assessmentExposures).where(and(eq(assessmentExposures.pieceId, carried), eq(assessmentExposures.tagId, riskTags.id)))),
              ),
            ),
          );
  const kindOf = new Map(tags.map((t) => [t.id, t.kind]));
  for (const [key, kind, label] of LISTS) {
    if (a[key].some((id) => kindOf.get(id) !== kind)) errors[`assessment.${key}`] = `${label}: choose from the list (an entry was removed or is unknown).`;
  }
  return errors;
}

export interface SignalStatusChange {
  signalId: string;
  pieceId: string;
  status: SignalStatus;
  changeId: string;
}

async function addChange(tx: Db, signalId: string, status: SignalStatus, note: string, actorId: string | null, at: Date): Promise<string> {
  const [row] = await tx.insert(signalChanges).values({ signalId, status, note, actorId, at }).returning({ id: signalChanges.id });
  if (!row) throw new Error("signal change returned no row");
  return row.id;
}

/** Replaces the piece's assessment with `a` (null removes it). Returns the signals whose status changed. */
export async function writeAssessment(tx: Db, pieceId: string, a: Assessment | null, actorId: string | null, now: Date): Promise<SignalStatusChange[]> {
  if (a === null) {
    await tx.delete(pieceAssessments).where(eq(pieceAssessments.pieceId, pieceId));
    return [];
  }
  await tx
    .insert(pieceAssessments)
    .values({ pieceId, level: a.level, horizon: a.horizon, updatedAt: now })
    .onConflictDoUpdate({ target: pieceAssessments.pieceId, set: { level: a.level, horizon: a.horizon, updatedAt: now } });
  await tx.delete(assessmentVectors).where(eq(assessmentVectors.pieceId, pieceId));
  await tx.insert(assessmentVectors).values(a.vectors.map((v, position) => ({ pieceId, position, ...v })));
  await tx.delete(assessmentExposures).where(eq(assessmentExposures.pieceId, pieceId));
  const tagIds = [...new Set([...a.sectors, ...a.regions, ...a.organisations])];
  if (tagIds.length > 0) await tx.insert(assessmentExposures).values(tagIds.map((tagId) => ({ pieceId, tagId })));

  const existing = new Map(
    (await tx.select({ id: assessmentSignals.id, status: assessmentSignals.status }).from(assessmentSignals).where(eq(assessmentSignals.pieceId, pieceId))).map((s) => [s.id, s.status]),
  );
  const kept = a.signals.flatMap((s) => (s.id && existing.has(s.id) ? [s.id] : []));
  await tx.delete(assessmentSignals).where(kept.length > 0 ? and(eq(assessmentSignals.pieceId, pieceId), notInArray(assessmentSignals.id, kept)) : eq(assessmentSignals.pieceId, pieceId));

  const changed: SignalStatusChange[] = [];
  for (const [position, s] of a.signals.entries()) {
    const before = s.id ? existing.get(s.id) : undefined;
    if (s.id && before !== undefined) {
      const moved = before !== s.status;
      await tx
        .update(assessmentSignals)
        .set({ position, statement: s.statement, indicator: s.indicator, ...(moved ? { status: s.status, statusAt: now } : {}) })
        .where(eq(assessmentSignals.id, s.id));
      if (moved) changed.push({ signalId: s.id, pieceId, status: s.status, changeId: await addChange(tx, s.id, s.status, "Changed in the editor.", actorId, now) });
    } else {
      const [row] = await tx
        .insert(assessmentSignals)
        .values({ pieceId, position, statement: s.statement, indicator: s.indicator, status: s.status, statusAt: now, createdAt: now })
        .returning({ id: assessmentSignals.id });
      if (!row) throw new Error("signal insert returned no row");
      await addChange(tx, row.id, s.status, s.status === "watching" ? "Added to the watch list." : `Added as ${s.status}.`, actorId, now);
    }
  }
  return changed;
}

/**
 * A signal's new status with its note, after publication, without touching the piece. Returns
 * null when the signal does not exist, or the change when it was recorded (same status twice is
 * still a dated note, but not a change of status: `statusChanged` says which).
 */
export async function recordSignalStatus(
  tx: Db,
  signalId: string,
  status: SignalStatus,
  note: string,
  actorId: string | null,
  now: Date,
): Promise<(SignalStatusChange & { previous: SignalStatus; statusChanged: boolean }) | null> {
  const [signal] = await tx
    .select({ pieceId: assessmentSignals.pieceId, status: assessmentSignals.status })
    .from(assessmentSignals)
    .where(eq(assessmentSignals.id, signalId))
    .for("update");
  if (!signal) return null;
  const statusChanged = signal.status !== status;
  await tx.update(assessmentSignals).set({ status, statusAt: now }).where(eq(assessmentSignals.id, signalId));
  await tx.update(pieceAssessments).set({ updatedAt: now }).where(eq(pieceAssessments.pieceId, signal.pieceId));
  const changeId = await addChange(tx, signalId, status, note, actorId, now);
  return { signalId, pieceId: signal.pieceId, status, changeId, previous: signal.status, statusChanged };
}
