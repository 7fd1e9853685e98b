import type { z } from "zod";
import type { MailAudience, Piece } from "@/db/schema";
import type { PieceFields, VISIBILITIES } from "./input";
import { versionOf } from "@/lib/revisions/version";

/**
 * What the piece editor holds while a staff member types: every field of the one schema
 * (lib/publishing/input.ts) as the form shows it, plus the piece's id and status. The risk
 * assessment has its own editor state (lib/risk/editor-state.ts).
 */
export type EditorValues = Omit<z.input<typeof PieceFields>, "visibility" | "assessment" | "mailAudience"> & {
  mailAudience: MailAudience | "";
  id: string | null;
  status: Piece["status"];
  /** The version the editor read (lib/revisions/version.ts); empty for a new piece. */
  version: string;
  visibility: (typeof VISIBILITIES)[number];
};

/** The editor's live preview: teaser and analysis through the site's sanitizer. */
export interface PreviewHtml {
  teaserHtml: string;
  analysisHtml: string;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

export const BLANK_PIECE: EditorValues = {
  id: null,
  status: "draft",
  version: "",
  headline: "",
  slug: "",
  category: "",
  teaser: "",
  analysis: "",
  ctaPitch: "Get the complete risk breakdown and the signals to watch.",
  emailSubject: "",
  emailPreheader: "",
  visibility: "paid",
  sourceOutlet: "",
  sourceHeadline: "",
  sourceUrl: "",
  sourcePublishedAt: "",
  sourceSummary: "",
  // Never pre-chosen: the confirmation (or, without JavaScript, the form's own choice) sets it.
  mailAudience: "",
  authorId: "",
  publishAt: "",
};

export function editorValues(p: Omit<Piece, "analysisHtml" | "searchAnalysis" | "searchPublic">): EditorValues {
  return {
    id: p.id,
    status: p.status,
    version: versionOf(p.updatedAt),
    headline: p.headline,
    slug: p.slug,
    category: p.category,
    teaser: p.teaser,
    analysis: p.analysis,
    ctaPitch: p.ctaPitch,
    emailSubject: p.emailSubject ?? "",
    emailPreheader: p.emailPreheader ?? "",
    visibility: p.visibility,
    sourceOutlet: p.sourceOutlet ?? "",
    sourceHeadline: p.sourceHeadline ?? "",
    sourceUrl: p.sourceUrl ?? "",
    sourcePublishedAt: day(p.sourcePublishedAt),
    sourceSummary: p.sourceBody ?? "",
    mailAudience: "",
    authorId: p.authorId ?? "",
    publishAt: p.publishAt ? p.publishAt.toISOString() : "",
  };
}
