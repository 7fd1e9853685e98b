/** Test data for the risk tests: a published piece with an assessment, tags, follows. */
import type { Db } from "@/db/client";
import { assessmentExposures, assessmentSignals, assessmentVectors, follows, pieceAssessments, riskTags } from "@/db/schema-risk";
import { seedPiece } from "./newsletter-fixtures";

export const RATIONALE = "Customs brokers lose their licence route within a quarter.";
export const SIGNAL_STATEMENT = "The ministry publishes the final tariff list.";
export const SIGNAL_INDICATOR = "A list in the official journal.";

let counter = 0;

export interface AssessedPiece {
  pieceId: string;
  signalId: string;
  sectorId: string;
  regionId: string;
  /** A vector the piece carries, and one it does not. */
  vector: string;
  otherVector: string;
}

/** A published (or draft) paid piece with one vector, one sector, one region and one watching signal. */
export async function seedAssessedPiece(d: Db, opts: { status?: "published" | "draft"; vector?: string } = {}): Promise<AssessedPiece> {
  const vector = opts.vector ?? "regulatory";
  const n = `${Date.now().toString(36)}-${++counter}`;
  const pieceId = await seedPiece(d, { status: opts.status ?? "published" });
  const [sector] = await d.insert(riskTags).values({ kind: "sector", slug: `sector-${n}`, name: `Sector ${n}` }).returning({ id: riskTags.id });
  const [region] = await d.insert(riskTags).values({ kind: "region", slug: `region-${n}`, name: `Region ${n}` }).returning({ id: riskTags.id });
  await d.insert(pieceAssessments).values({ pieceId, level: "high", horizon: "months" });
  await d.insert(assessmentVectors).values({ pieceId, vector, position: 0, likelihood: 4, impact: 5, direction: "rising", rationale: RATIONALE });
  await d.insert(assessmentExposures).values([
    { pieceId, tagId: sector!.id },
    { pieceId, tagId: region!.id },
  ]);
  const [signal] = await d
    .insert(assessmentSignals)
    .values({ pieceId, position: 0, statement: SIGNAL_STATEMENT, indicator: SIGNAL_INDICATOR })
    .returning({ id: assessmentSignals.id });
  return { pieceId, signalId: signal!.id, sectorId: sector!.id, regionId: region!.id, vector, otherVector: "cyber" };
}

export async function seedFollow(d: Db, userId: string, kind: "piece" | "vector" | "tag", target: string): Promise<void> {
  await d.insert(follows).values({ userId, kind, target }).onConflictDoNothing();
}
