import * as z from "zod/mini";
import { RISK_DIRECTIONS, RISK_HORIZONS, RISK_LEVELS, SIGNAL_STATUSES, TAG_KINDS } from "@/lib/risk/scale";
import type { FullAssessment } from "@/lib/risk/types";

/** The whole assessment as JSON carries it (dates as strings), parsed back into a FullAssessment. */
export const AssessmentWire = z.object({
  pieceId: z.string(),
  level: z.enum(RISK_LEVELS),
  horizon: z.enum(RISK_HORIZONS),
  vectors: z.array(
    z.object({ slug: z.string(), name: z.string(), likelihood: z.number(), impact: z.number(), direction: z.enum(RISK_DIRECTIONS), rationale: z.string() }),
  ),
  exposures: z.array(z.object({ id: z.string(), kind: z.enum(TAG_KINDS), slug: z.string(), name: z.string() })),
  signals: z.array(
    z.object({
      id: z.string(),
      statement: z.string(),
      indicator: z.string(),
      status: z.enum(SIGNAL_STATUSES),
      statusAt: z.coerce.date(),
      changes: z.array(z.object({ status: z.enum(SIGNAL_STATUSES), note: z.string(), at: z.coerce.date() })),
    }),
  ),
}) satisfies z.ZodMiniType<FullAssessment, unknown>;

const Category = z.enum(["anonymous", "free", "subscriber", "past_due"]);

/**
 * What /api/read/<slug> answers: the part of a piece page that depends on the viewer. Plain module
 * (no server-only): the route writes it, the page's island (components/site/reader-edition.tsx) parses it.
 */
export const ReaderEditionWire = z.object({
  category: Category,
  /** Absent for an anonymous request: the cached page already is the anonymous edition. */
  edition: z.optional(
    z.object({
      body: z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("full"), analysisHtml: z.string() }),
        z.object({ kind: z.literal("paywall"), reason: z.enum(["sign-in", "subscribe"]) }),
      ]),
      /** The whole assessment, only when the viewer may read the analysis. */
      assessment: z.nullable(AssessmentWire),
      /** `kind:target` of what a signed-in reader follows; null for staff without follows or no session. */
      followed: z.nullable(z.array(z.string())),
    }),
  ),
});
export type ReaderEditionWire = z.infer<typeof ReaderEditionWire>;
export type ReaderEdition = NonNullable<ReaderEditionWire["edition"]>;

/** Where a piece page's island asks for its viewer's edition. */
export const READER_EDITION_PREFIX = "/api/read/";
export const readerEditionPath = (slug: string): string => `${READER_EDITION_PREFIX}${encodeURIComponent(slug)}`;
