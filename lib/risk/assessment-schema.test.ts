import { describe, expect, it } from "vitest";
import { PieceForm, fieldErrors } from "@/lib/publishing/input";
import { validPieceForm } from "@/test-support/piece-form";
import { AssessmentField } from "./assessment-schema";

const good = {
  level: "high",
  horizon: "months",
  vectors: [{ vector: "cyber", likelihood: 3, impact: "5", direction: "rising", rationale: "Remote access links stay open." }],
  sectors: [],
  regions: [],
  organisations: [],
  signals: [{ statement: "A ministry orders an audit.", indicator: "A published order.", status: "watching" }],
};
const piece = validPieceForm();
const errorsFor = (assessment: unknown) => {
  const r = PieceForm.safeParse({ ...piece, assessment: typeof assessment === "string" ? assessment : JSON.stringify(assessment) });
  expect(r.success).toBe(false);
  return r.success ? {} : fieldErrors(r.error);
};

describe("the assessment schema", () => {
  it("accepts a whole assessment and none at all", () => {
    const a = AssessmentField.parse(JSON.stringify(good));
    expect(a?.vectors[0]?.impact).toBe(5);
    expect(AssessmentField.parse("")).toBeNull();
    expect(AssessmentField.parse(JSON.stringify({ enabled: false }))).toBeNull();
    expect(PieceForm.parse(piece).assessment).toBeNull();
  });

  it.each([
    [{ ...good, level: "catastrophic" }, "assessment.level", /Choose a Risk level: low, guarded, elevated, high, severe/],
    [{ ...good, horizon: "decades" }, "assessment.horizon", /Time horizon/],
    [{ ...good, vectors: [] }, "assessment.vectors", /at least one vector/],
    [{ ...good, vectors: [{ ...good.vectors[0], likelihood: 6 }] }, "assessment.vectors.0.likelihood", /^Vector 1: Likelihood must be a whole number from 1 to 5\.$/],
    [{ ...good, vectors: [{ ...good.vectors[0], impact: 2.5 }] }, "assessment.vectors.0.impact", /Vector 1: Impact must be a whole number/],
    [{ ...good, vectors: [{ ...good.vectors[0], direction: "up" }] }, "assessment.vectors.0.direction", /Direction: rising, steady, easing/],
    [{ ...good, vectors: [{ ...good.vectors[0], rationale: " " }] }, "assessment.vectors.0.rationale", /Vector 1: Rationale is required/],
    [{ ...good, vectors: [{ ...good.vectors[0], rationale: "two\nlines" }] }, "assessment.vectors.0.rationale", /one line/],
    [{ ...good, vectors: [good.vectors[0], good.vectors[0]] }, "assessment.vectors.1.vector", /already in the assessment/],
    [{ ...good, signals: [{ ...good.signals[0], indicator: "" }] }, "assessment.signals.0.indicator", /Signal 1: Indicator is required/],
    [{ ...good, signals: [{ ...good.signals[0], status: "maybe" }] }, "assessment.signals.0.status", /Signal status: watching, triggered, faded/],
    [{ ...good, signals: [{ ...good.signals[0], statement: "x".repeat(301) }] }, "assessment.signals.0.statement", /Signal is too long/],
  ])("refuses bad input with a clear message (%#)", (assessment, key, message) => {
    const errors = errorsFor(assessment) as Record<string, string>;
    expect(errors[key]).toMatch(message);
    expect(errors.assessment).toBeTruthy();
  });

  it("refuses a field that is not JSON", () => {
    expect(errorsFor("{not json").assessment).toMatch(/could not be read/);
  });
});
