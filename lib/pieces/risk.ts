import "server-only";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/lib/db";
import { config } from "@/lib/env";
import {
  assessmentExposures,
  assessmentSignals,
  assessmentVectors,
  pieceAssessments,
  riskTags,
  riskVectors,
  signalChanges,
} from "@/db/schema-risk";
import { decideAccess, type AccessPolicy, type AccessProof, type Viewer, type Visibility } from "@/lib/access/rule";
import type { FullAssessment, RiskForViewer, RiskHook, RiskSignal } from "@/lib/risk/types";

/**
 * The risk assessment of pieces. The hook (overall level and vector names) is public; the rest
 * (horizon, scores, directions, rationales, exposed parties, signals and their notes) leaves the
 * database only through `readAssessment`, which needs an AccessProof, like the analysis.
 */
export async function readRiskHooks(pieceIds: string[]): Promise<Map<string, RiskHook>> {
  const out = new Map<string, RiskHook>();
  if (pieceIds.length === 0) return out;
  const d = await db();
  const levels = await d
    .select({ pieceId: pieceAssessments.pieceId, level: pieceAssessments.level })
    .from(pieceAssessments)
    .where(inArray(pieceAssessments.pieceId, pieceIds));
  for (const l of levels) out.set(l.pieceId, { level: l.level, vectors: [] });
  const names = await d
    .select({ pieceId: assessmentVectors.pieceId, slug: riskVectors.slug, name: riskVectors.name })
    .from(assessmentVectors)
    .innerJoin(riskVectors, eq(riskVectors.slug, assessmentVectors.vector))
    .where(inArray(assessmentVectors.pieceId, pieceIds))
    .orderBy(asc(assessmentVectors.pieceId), asc(assessmentVectors.position));
  for (const n of names) out.get(n.pieceId)?.vectors.push({ slug: n.slug, name: n.name });
  return out;
}

export async function readRiskHook(pieceId: string): Promise<RiskHook | null> {
  return (await readRiskHooks([pieceId])).get(pieceId) ?? null;
}

async function signalsOf(pieceIds: string[]): Promise<Map<string, RiskSignal[]>> {
  const out = new Map<string, RiskSignal[]>();
  if (pieceIds.length === 0) return out;
  const d = await db();
  const signals = await d
    .select({
      id: assessmentSignals.id,
      pieceId: assessmentSignals.pieceId,
      statement: assessmentSignals.statement,
      indicator: assessmentSignals.indicator,
      status: assessmentSignals.status,
      statusAt: assessmentSignals.statusAt,
    })
    .from(assessmentSignals)
    .where(inArray(assessmentSignals.pieceId, pieceIds))
    .orderBy(asc(assessmentSignals.position));
  const changes =
    signals.length === 0
      ? []
      : await d
          .select({ signalId: signalChanges.signalId, status: signalChanges.status, note: signalChanges.note, at: signalChanges.at })
          .from(signalChanges)
          .where(inArray(signalChanges.signalId, signals.map((s) => s.id)))
          .orderBy(desc(signalChanges.at));
  const bySignal = new Map<string, RiskSignal>();
  for (const { pieceId, ...s } of signals) {
    const signal: RiskSignal = { ...s, changes: [] };
    bySignal.set(s.id, signal);
    const list = out.get(pieceId);
    if (list) list.push(signal);
    else out.set(pieceId, [signal]);
  }
  for (const { signalId, ...c } of changes) bySignal.get(signalId)?.changes.push(c);
  return out;
}

/** The whole assessment of the piece the proof is for (null when it has none). */
export async function readAssessment(proof: AccessProof): Promise<FullAssessment | null> {
  const d = await db();
  const pieceId = proof.pieceId;
  const [head] = await d
    .select({ level: pieceAssessments.level, horizon: pieceAssessments.horizon })
    .from(pieceAssessments)
    .where(eq(pieceAssessments.pieceId, pieceId));
  if (!head) return null;
  const [vectors, exposures, signals] = await Promise.all([
    d
      .select({
        slug: riskVectors.slug,
        name: riskVectors.name,
        likelihood: assessmentVectors.likelihood,
        impact: assessmentVectors.impact,
        direction: assessmentVectors.direction,
        rationale: assessmentVectors.rationale,
      })
      .from(assessmentVectors)
      .innerJoin(riskVectors, eq(riskVectors.slug, assessmentVectors.vector))
      .where(eq(assessmentVectors.pieceId, pieceId))
      .orderBy(asc(assessmentVectors.position)),
    d
      .select({ id: riskTags.id, kind: riskTags.kind, slug: riskTags.slug, name: riskTags.name })
      .from(assessmentExposures)
      .innerJoin(riskTags, eq(riskTags.id, assessmentExposures.tagId))
      .where(eq(assessmentExposures.pieceId, pieceId))
      .orderBy(asc(riskTags.kind), asc(riskTags.name)),
    signalsOf([pieceId]),
  ]);
  return { pieceId, ...head, vectors, exposures, signals: signals.get(pieceId) ?? [] };
}

/** A published piece's assessment as `viewer` may see it: the hook for the unentitled, the whole for the entitled. */
export async function riskForViewer(piece: { id: string; visibility: Visibility }, viewer: Viewer, policy: AccessPolicy): Promise<RiskForViewer> {
  const decision = decideAccess(viewer, piece, policy);
  if (decision.allowed) {
    const assessment = await readAssessment(decision.proof);
    return assessment ? { kind: "full", assessment } : { kind: "none" };
  }
  const hook = await readRiskHook(piece.id);
  return hook ? { kind: "hook", hook } : { kind: "none" };
}

/** `riskForViewer` under the configured policy (now, grace days), for the piece pages. */
export function riskOfPiece(piece: { id: string; visibility: Visibility }, viewer: Viewer): Promise<RiskForViewer> {
  return riskForViewer(piece, viewer, { now: new Date(), paymentGraceDays: config().paymentGraceDays });
}

/** The whole assessment for the piece's editor: only with the access rule's proof (staff read everything). */
export async function readAssessmentForEditing(viewer: Viewer, piece: { id: string; visibility: Visibility }, policy: AccessPolicy): Promise<FullAssessment | null> {
  const decision = decideAccess(viewer, piece, policy);
  return decision.allowed ? readAssessment(decision.proof) : null;
}
