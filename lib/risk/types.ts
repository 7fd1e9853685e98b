import type { RiskDirection, RiskHorizon, RiskLevel, SignalStatus, TagKind } from "./scale";

/** The public hook of an assessment: what an anonymous reader may see. */
export interface RiskHook {
  level: RiskLevel;
  vectors: { slug: string; name: string }[];
}

export interface AssessedVector {
  slug: string;
  name: string;
  likelihood: number;
  impact: number;
  direction: RiskDirection;
  rationale: string;
}

export interface ExposedTag {
  id: string;
  kind: TagKind;
  slug: string;
  name: string;
}

export interface SignalChange {
  status: SignalStatus;
  note: string;
  at: Date;
}

export interface RiskSignal {
  id: string;
  statement: string;
  indicator: string;
  status: SignalStatus;
  statusAt: Date;
  /** Newest first. */
  changes: SignalChange[];
}

/** The whole (gated) assessment of a piece. */
export interface FullAssessment {
  pieceId: string;
  level: RiskLevel;
  horizon: RiskHorizon;
  vectors: AssessedVector[];
  exposures: ExposedTag[];
  signals: RiskSignal[];
}

/** A piece's assessment as a viewer may see it. */
export type RiskForViewer = { kind: "none" } | { kind: "hook"; hook: RiskHook } | { kind: "full"; assessment: FullAssessment };
