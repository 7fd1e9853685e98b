import { Marked } from "marked";
import markedFootnote from "marked-footnote";
import sanitizeHtml from "sanitize-html";

/** Images come only from the app's own media route (lib/media), by content hash. */
export const MEDIA_SRC = /^\/media\/[0-9a-f]{64}$/;
/** Footnote ids carry the part's prefix, so the teaser's and the analysis's notes never share an id. */
const FOOTNOTE_ID = /^(?:teaser-)?fn-[\w-]{1,40}$/;

export type MarkdownPart = "teaser" | "analysis";

const PARSERS: Record<MarkdownPart, Marked> = {
  teaser: new Marked({ gfm: true, breaks: false }, markedFootnote({ prefixId: "teaser-fn-", headingClass: "visually-hidden" })),
  analysis: new Marked({ gfm: true, breaks: false }, markedFootnote({ prefixId: "fn-", headingClass: "visually-hidden" })),
};

const keepFootnoteId = (attribs: Record<string, string>): Record<string, string> => {
  const { id, ...rest } = attribs;
  return id && FOOTNOTE_ID.test(id) ? { ...rest, id } : rest;
};

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "b", "i", "a", "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "code", "pre", "hr", "img", "sup", "section"],
  allowedAttributes: {
    a: ["href", "title", "rel", "target", "id", "aria-describedby", "aria-label", "data-fn-ref", "data-fn-backref", "data-teaser-fn-ref", "data-teaser-fn-backref"],
    img: ["src", "alt", "width", "height"],
    li: ["id"],
    h2: ["id", "class"],
    section: ["class", "data-footnotes"],
  },
  allowedClasses: { h2: ["visually-hidden"], section: ["footnotes"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href", "src"],
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...keepFootnoteId(attribs), ...(attribs.href?.startsWith("#") ? {} : { rel: "noopener noreferrer nofollow" }) } }),
    li: (tagName, attribs) => ({ tagName, attribs: keepFootnoteId(attribs) }),
    h2: (tagName, attribs) => ({ tagName, attribs: keepFootnoteId(attribs) }),
    h1: "h2",
  },
  // An image from anywhere but /media/<hash>, or without a text alternative, is dropped.
  exclusiveFilter: (frame) => frame.tag === "img" && (!MEDIA_SRC.test(frame.attribs.src ?? "") || !(frame.attribs.alt ?? "").trim()),
};

/** Staff markdown → safe HTML. The only way markdown becomes markup anywhere. */
export function renderMarkdown(markdown: string, part: MarkdownPart = "analysis"): string {
  const raw = PARSERS[part].parse(markdown, { async: false });
  return sanitizeHtml(raw, ALLOWED);
}

/** Safe HTML for a mail: its images by absolute URL, as a mail client has no page to resolve /media/ against. */
export function renderMarkdownForMail(markdown: string, part: MarkdownPart, appUrl: string): string {
  return renderMarkdown(markdown, part).replaceAll('src="/media/', `src="${appUrl}/media/`);
}

/** Markdown → one line of plain text (descriptions, feeds, JSON-LD). */
export function markdownToText(markdown: string): string {
  const html = PARSERS.teaser.parse(markdown, { async: false });
  // Footnote markers and the notes themselves are not part of a one-line summary.
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {}, nonTextTags: ["style", "script", "textarea", "option", "noscript", "sup", "section"] })
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > max * 0.6 ? cut.lastIndexOf(" ") : cut.length)}…`;
}
