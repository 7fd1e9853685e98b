import { z } from "zod";
import { MAIL_AUDIENCES } from "@/db/schema";
import { PREHEADER_MAX, SUBJECT_MAX } from "@/lib/newsletter/mail-heading";
import { OneText } from "@/lib/pieces/paywall";
import { SLUG_PATTERN, slugify } from "@/lib/publishing/slug";
import { AssessmentField, assessmentErrorKey } from "@/lib/risk/assessment-schema";

/** Control characters (a NUL byte among them) are no part of any text a person writes. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const controlMessage = (label: string) => `${label} holds a control character; paste it as plain text.`;

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} is too long (at most ${max} characters).`)
    .refine((v) => !CONTROL.test(v), controlMessage(label));

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} is too long (at most ${max} characters).`)
    .refine((v) => !CONTROL.test(v), controlMessage(label))
    .transform((v) => (v === "" ? null : v));

/** One line, as a mail's subject and preheader are: a line break in a header is never the writer's meaning. */
const optionalLine = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} is too long (at most ${max} characters).`)
    .refine((v) => !/[\r\n]/.test(v), `${label} must be one line.`)
    .refine((v) => !CONTROL.test(v), controlMessage(label))
    .transform((v) => (v === "" ? null : v));

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === "") return null;
      const d = new Date(v);
      if (Number.isNaN(d.getTime()) || d.getFullYear() < 1990 || d.getFullYear() > 2100) {
        ctx.addIssue({ code: "custom", message: `${label} is not a valid date.` });
        return z.NEVER;
      }
      return d;
    });

export const VISIBILITIES = ["public", "members", "paid"] as const;

/**
 * A piece's fields as the editor sends them, each with its rule: the one list from which the
 * editor's values (lib/publishing/editor-values.ts), the form parser below and the columns
 * (lib/publishing/editor.ts) derive. Every field is validated here and nowhere else.
 */
export const PieceFields = z.object({
    headline: text("Headline", 200),
    slug: z.string().trim().max(80, "Slug is too long (at most 80 characters)."),
    category: text("Category", 40),
    teaser: text("Teaser", 2_000),
    analysis: text("Full analysis", 30_000),
    ctaPitch: text("Call to action", 300),
    // Issue 14: the newsletter mail's subject and preheader; empty means the headline and the teaser's first sentence.
    emailSubject: optionalLine("Email subject", SUBJECT_MAX),
    emailPreheader: optionalLine("Preheader", PREHEADER_MAX),
    visibility: z.string().pipe(z.enum(VISIBILITIES, { error: "Choose Public, Members or Paid." })),
    sourceOutlet: optionalText("Source outlet", 120),
    sourceHeadline: optionalText("Source headline", 300),
    sourceUrl: z
      .string()
      .trim()
      .max(2_000, "Source link is too long.")
      .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), "Source link must be an http(s) URL.")
      .transform((v) => (v === "" ? null : v)),
    sourcePublishedAt: optionalDate("Source published"),
    sourceSummary: optionalText("Source summary", 3_000),
    // Empty until someone chooses: publishing or scheduling refuses a piece whose mail audience nobody chose.
    mailAudience: z
      .string()
      .pipe(z.enum([...MAIL_AUDIENCES, ""], { error: "Choose Everyone, Paid subscribers only or No email." }))
      .transform((v) => (v === "" ? null : v)),
    // Empty keeps the piece's author (a new piece: whoever creates it); else a staff member's user id.
    authorId: z.string().trim().max(100, "Unknown author."),
    publishAt: optionalDate("Publish at"),
    // Issue 12: the optional risk assessment (lib/risk/assessment-schema.ts).
    assessment: AssessmentField.optional().transform((a) => a ?? null),
});

/** The editor form, validated: the slug is filled in from the headline when left empty. */
export const PieceForm = PieceFields.transform((f, ctx) => {
    const slug = f.slug === "" ? slugify(f.headline) : f.slug;
    if (!SLUG_PATTERN.test(slug)) {
      ctx.addIssue({ code: "custom", path: ["slug"], message: "Slug may hold only lower-case letters, digits and single hyphens." });
      return z.NEVER;
    }
    return { ...f, slug };
  });

export type PieceFormValues = z.infer<typeof PieceForm>;
export type FieldErrors = Partial<Record<keyof z.input<typeof PieceForm> | "form", string>> & { [assessmentField: `assessment.${string}`]: string };

export type PieceFieldName = keyof typeof PieceFields.shape;
export const PIECE_FIELD_NAMES = Object.keys(PieceFields.shape) as PieceFieldName[];

/**
 * The editor's FormData as the schema's input: one entry per field the schema names. In one-text
 * mode (`layout=one`) the teaser and the analysis are the two sides of `body`'s paywall marker.
 */
export function pieceFormFromData(data: FormData): { ok: true; input: z.input<typeof PieceForm> } | { ok: false; errors: { body: string } } {
  const text = (k: string) => {
    const v = data.get(k);
    return typeof v === "string" ? v : "";
  };
  const input = Object.fromEntries(PIECE_FIELD_NAMES.map((name) => [name, text(name)])) as z.input<typeof PieceForm>;
  if (text("layout") !== "one") return { ok: true, input };
  const split = OneText.safeParse(text("body"));
  if (!split.success) return { ok: false, errors: { body: split.error.issues[0]?.message ?? "Place the paywall marker." } };
  return { ok: true, input: { ...input, ...split.data } };
}

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = (issue.path[0] ?? "form") as keyof FieldErrors;
    out[key] ??= issue.message;
    if (key === "assessment" && issue.path.length > 1) out[assessmentErrorKey(issue.path.slice(1)) as `assessment.${string}`] ??= issue.message;
  }
  return out;
}
