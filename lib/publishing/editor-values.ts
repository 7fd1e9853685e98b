import type { Piece } from "@/db/schema";

/** What the piece editor holds while a staff member types: every field as the form shows it. */
export interface EditorValues {
  id: string | null;
  status: "draft" | "scheduled" | "published";
  headline: string;
  slug: string;
  category: string;
  teaser: string;
  analysis: string;
  ctaPitch: string;
  visibility: "public" | "members" | "paid";
  sourceOutlet: string;
  sourceHeadline: string;
  sourceUrl: string;
  sourcePublishedAt: string;
  sourceSummary: string;
  emailIt: boolean;
  publishAt: string;
}

/** The editor's live preview: teaser and analysis through the site's sanitizer. */
export interface PreviewHtml {
  teaserHtml: string;
  analysisHtml: string;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

export const BLANK_PIECE: EditorValues = {
  id: null,
  status: "draft",
  headline: "",
  slug: "",
  category: "",
  teaser: "",
  analysis: "",
  ctaPitch: "Get the complete risk breakdown and the signals to watch.",
  visibility: "paid",
  sourceOutlet: "",
  sourceHeadline: "",
  sourceUrl: "",
  sourcePublishedAt: "",
  sourceSummary: "",
  emailIt: true,
  publishAt: "",
};

export function editorValues(p: Piece): EditorValues {
  return {
    id: p.id,
    status: p.status,
    headline: p.headline,
    slug: p.slug,
    category: p.category,
    teaser: p.teaser,
    analysis: p.analysis,
    ctaPitch: p.ctaPitch,
    visibility: p.visibility,
    sourceOutlet: p.sourceOutlet ?? "",
    sourceHeadline: p.sourceHeadline ?? "",
    sourceUrl: p.sourceUrl ?? "",
    sourcePublishedAt: day(p.sourcePublishedAt),
    sourceSummary: p.sourceBody ?? "",
    emailIt: p.emailIt,
    publishAt: p.publishAt ? p.publishAt.toISOString() : "",
  };
}
