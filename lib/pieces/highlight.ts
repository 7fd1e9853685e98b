/**
 * Highlighted snippets without markup: ts_headline marks matches with two private-use characters
 * (never HTML), and `highlightSegments` splits its output into plain text and marked text, which
 * React renders as text inside <mark>. Whatever a piece's text holds, it stays text.
 */
export const START_SEL = "\uE000";
export const STOP_SEL = "\uE001";
const SENTINELS = /[\uE000\uE001]/g;

export interface Segment {
  text: string;
  marked: boolean;
}

/** ts_headline's options with our sentinels; `highlightAll` for short fields such as headlines. */
export function headlineOptions(opts: { highlightAll: boolean }): string {
  const sel = `StartSel="${START_SEL}", StopSel="${STOP_SEL}"`;
  return opts.highlightAll
    ? `${sel}, HighlightAll=true`
    : `${sel}, MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;
}

// Markdown's own punctuation reads as noise in a one-line snippet: keep link text, drop emphasis and block marks.
const plain = (s: string): string =>
  s
    .replace(/\[([^\]]*)\]\([^)\s]*\)?/g, "$1")
    .replace(/[*_`#>]+/g, "")
    .replace(/\s+/g, " ");

export function highlightSegments(headline: string): Segment[] {
  const segments: Segment[] = [];
  const push = (text: string, marked: boolean) => {
    const t = plain(text.replace(SENTINELS, ""));
    if (t === "") return;
    const last = segments.at(-1);
    if (last && last.marked === marked) last.text += t;
    else segments.push({ text: t, marked });
  };
  const [first = "", ...rest] = headline.split(START_SEL);
  push(first, false);
  for (const part of rest) {
    const stop = part.indexOf(STOP_SEL);
    if (stop === -1) push(part, true);
    else {
      push(part.slice(0, stop), true);
      push(part.slice(stop + 1), false);
    }
  }
  return segments;
}
