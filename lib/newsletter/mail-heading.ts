import { clipLine, htmlToLine } from "@/emails/preheader";

/**
 * What an inbox shows of a piece's mail before it is opened: the subject and the preheader. Each is
 * the editor's own words when given, else the headline and the teaser's first sentence. Client-safe:
 * the editor shows the defaults with this same code, from the same sanitized teaser HTML.
 */
export const SUBJECT_MAX = 150;
export const PREHEADER_MAX = 140;

// A sentence ends at . ! ? or … (with any closing quotes or brackets) before the end or a word that
// begins with a capital or a digit ("“Is it over?” he asked." is one sentence).
const FIRST_SENTENCE = /^.+?[.!?…]["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}]|\s*$)/u;

/** The first sentence of a sanitized HTML fragment, as one plain line of at most PREHEADER_MAX characters. */
export function firstSentence(html: string): string {
  const text = htmlToLine(html);
  return clipLine(FIRST_SENTENCE.exec(text)?.[0] ?? text, PREHEADER_MAX);
}

export function mailSubject(piece: { headline: string; emailSubject: string | null }): string {
  return piece.emailSubject ?? piece.headline;
}

/** `teaserHtml`: the teaser through the site's sanitizer (lib/pieces/markdown.ts `renderMarkdown`). */
export function mailPreheader(piece: { emailPreheader: string | null }, teaserHtml: string): string {
  return piece.emailPreheader ?? firstSentence(teaserHtml);
}
