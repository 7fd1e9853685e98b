import type { AssessmentDraft } from "./assessment-schema";
import type { FullAssessment } from "./types";

/** The assessment fields' state: what the editor posts as JSON in the `assessment` field. */
export type AssessmentState = { enabled: boolean } & AssessmentDraft;

export const BLANK_ASSESSMENT: AssessmentState = {
  enabled: false,
  level: "elevated",
  horizon: "months",
  vectors: [{ vector: "", likelihood: 3, impact: 3, direction: "steady", rationale: "" }],
  sectors: [],
  regions: [],
  organisations: [],
  signals: [],
};

export function assessmentState(a: FullAssessment | null): AssessmentState {
  if (!a) return BLANK_ASSESSMENT;
  const tags = (kind: string) => a.exposures.filter((t) => t.kind === kind).map((t) => t.id);
  return {
    enabled: true,
    level: a.level,
    horizon: a.horizon,
    vectors: a.vectors.map((v) => ({ vector: v.slug, likelihood: v.likelihood, impact: v.impact, direction: v.direction, rationale: v.rationale })),
    sectors: tags("sector"),
    regions: tags("region"),
    organisations: tags("organisation"),
    signals: a.signals.map((s) => ({ id: s.id, statement: s.statement, indicator: s.indicator, status: s.status })),
  };
}
