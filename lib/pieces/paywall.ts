import { z } from "zod";

/** The movable paywall in one text: its own line in the markdown the editor writes. */
export const PAYWALL_MARKER = "<!-- paywall -->";

const MARKER_LINE = /^[ \t]*<!-- paywall -->[ \t]*$/m;
const MARKER_LINES = /^[ \t]*<!-- paywall -->[ \t]*$/gm;

const FOOTNOTE_DEF = /^\[\^([\w-]{1,20})\]:.*$/gm;

/**
 * Footnote texts sit at the end of the one text, below the marker; each part gets the texts of
 * the notes it refers to, so a note referred to in the teaser is public and one in the analysis gated.
 */
function withTheirFootnotes(before: string, after: string): { teaser: string; analysis: string } {
  const defs = new Map<string, string>();
  const strip = (part: string) =>
    part.replace(FOOTNOTE_DEF, (line, label: string) => {
      defs.set(label, line);
      return "";
    });
  const [teaser, analysis] = [strip(before), strip(after)];
  const notesOf = (part: string) =>
    [...defs]
      .filter(([label]) => part.includes(`[^${label}]`))
      .map(([, line]) => line)
      .join("\n");
  const withNotes = (part: string) => [part.replace(/\n{3,}/g, "\n\n").trim(), notesOf(part)].filter(Boolean).join("\n\n");
  return { teaser: withNotes(teaser), analysis: withNotes(analysis) };
}

/** One text with one paywall marker → the public teaser (above it) and the gated analysis (below it). */
export const OneText = z
  .string()
  .transform((text, ctx) => {
    const markers = text.match(MARKER_LINES)?.length ?? 0;
    if (markers !== 1) {
      ctx.addIssue({ code: "custom", message: markers === 0 ? "Put the paywall marker between the teaser and the analysis." : "Keep one paywall marker only." });
      return z.NEVER;
    }
    const [before = "", after = ""] = text.split(MARKER_LINE);
    const { teaser, analysis } = withTheirFootnotes(before, after);
    if (!teaser) ctx.addIssue({ code: "custom", message: "Write the teaser above the paywall marker." });
    if (!analysis) ctx.addIssue({ code: "custom", message: "Write the analysis below the paywall marker." });
    return teaser && analysis ? { teaser, analysis } : z.NEVER;
  });

/** The separate teaser and analysis as one text for the editor's one-text mode. */
export function joinAtPaywall(teaser: string, analysis: string): string {
  return `${teaser.trim()}\n\n${PAYWALL_MARKER}\n\n${analysis.trim()}`;
}
