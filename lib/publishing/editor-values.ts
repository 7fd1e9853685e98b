import type { Piece } from "@/db/schema";
import type { EditorValues } from "@/components/admin/piece-editor";

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
