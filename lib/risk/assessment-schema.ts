import { z } from "zod";
import { RISK_DIRECTIONS, RISK_HORIZONS, RISK_LEVELS, SIGNAL_STATUSES } from "./scale";

/**
 * The risk assessment of a piece as the editor posts it (one JSON field, `assessment`, built by
 * components/admin/assessment-fields.tsx) and as the rest of the product reads it. Part of the
 * piece's one zod definition (lib/publishing/input.ts). Every message names the field's label.
 */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

const line = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} is too long (at most ${max} characters).`)
    .refine((v) => !CONTROL.test(v), `${label} must be one line of plain text.`);

const score = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a whole number from 1 to 5.` })
    .int(`${label} must be a whole number from 1 to 5.`)
    .min(1, `${label} must be a whole number from 1 to 5.`)
    .max(5, `${label} must be a whole number from 1 to 5.`);

const choice = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { error: `Choose a ${label}: ${values.join(", ")}.` });

export const VectorInput = z.object({
  vector: z.string({ error: "Vector is required." }).trim().min(1, "Vector is required.").max(60, "Vector is too long."),
  likelihood: score("Likelihood"),
  impact: score("Impact"),
  direction: choice(RISK_DIRECTIONS, "Direction"),
  rationale: line("Rationale", 240),
});

export const SignalInput = z.object({
  id: z.uuid("Signal id is not valid; reload the editor.").optional(),
  statement: line("Signal", 300),
  indicator: line("Indicator", 300),
  status: choice(SIGNAL_STATUSES, "Signal status"),
});

const tagIds = (label: string) =>
  z
    .array(z.string().trim().min(1).max(100), { error: `${label} must be a list.` })
    .max(20, `${label}: at most 20.`)
    .transform((ids) => [...new Set(ids)]);

export const AssessmentInput = z
  .object({
    level: choice(RISK_LEVELS, "Risk level"),
    horizon: choice(RISK_HORIZONS, "Time horizon"),
    vectors: z.array(VectorInput).min(1, "Add at least one vector.").max(7, "At most seven vectors."),
    sectors: tagIds("Exposed sectors"),
    regions: tagIds("Exposed regions"),
    organisations: tagIds("Exposed organisations"),
    signals: z.array(SignalInput).max(10, "At most ten signals."),
  })
  .superRefine((a, ctx) => {
    const seen = new Set<string>();
    a.vectors.forEach((v, i) => {
      if (seen.has(v.vector)) ctx.addIssue({ code: "custom", path: ["vectors", i, "vector"], message: "This vector is already in the assessment." });
      seen.add(v.vector);
    });
  });

export type Assessment = z.infer<typeof AssessmentInput>;
export type AssessmentDraft = z.input<typeof AssessmentInput>;

/** The posted field: "" (or {"enabled":false}) is no assessment; anything else must be a whole assessment. */
export const AssessmentField = z.string().transform((raw, ctx): Assessment | null => {
  if (raw.trim() === "") return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    ctx.addIssue({ code: "custom", message: "The risk assessment could not be read; reload the editor and try again." });
    return z.NEVER;
  }
  if (typeof json === "object" && json !== null && "enabled" in json && json.enabled === false) return null;
  const parsed = AssessmentInput.safeParse(json);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: prefixed(issue.path, issue.message) });
  return z.NEVER;
});

/** "Vector 2: Rationale is required." — where in the assessment a message belongs. */
function prefixed(path: readonly PropertyKey[], message: string): string {
  const [list, index] = path;
  if (typeof index !== "number") return message;
  if (list === "vectors") return `Vector ${index + 1}: ${message}`;
  if (list === "signals") return `Signal ${index + 1}: ${message}`;
  return message;
}

/** The key an error of the assessment is filed under in the editor's field errors. */
export const assessmentErrorKey = (path: readonly PropertyKey[]) => ["assessment", ...path.map(String)].join(".");
