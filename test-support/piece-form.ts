import type { z } from "zod";
import type { PieceForm } from "@/lib/publishing/input";

/** A piece form a staff member could submit: every field of the one schema, valid unless overridden. */
export function validPieceForm(over: Partial<z.input<typeof PieceForm>> = {}): z.input<typeof PieceForm> {
  return {
    headline: "Shipping insurers reprice the Baltic",
    slug: "",
    category: "Markets",
    teaser: "A teaser.",
    analysis: "The analysis sentence.",
    ctaPitch: "Get the breakdown.",
    emailSubject: "",
    emailPreheader: "",
    visibility: "paid",
    sourceOutlet: "",
    sourceHeadline: "",
    sourceUrl: "",
    sourcePublishedAt: "",
    sourceSummary: "",
    mailAudience: "none",
    authorId: "",
    publishAt: "",
    ...over,
  };
}
