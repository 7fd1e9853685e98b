/**
 * The rich editor writes the markdown the site already stores: what it reads it writes back
 * unchanged, and what it writes renders through the one sanitizer (lib/pieces/markdown).
 */
import { describe, expect, it } from "vitest";
import { MarkdownManager } from "@tiptap/markdown";
import { renderMarkdown } from "@/lib/pieces/markdown";
import { OneText, PAYWALL_MARKER } from "@/lib/pieces/paywall";
import { editorExtensions } from "./extensions";

const manager = new MarkdownManager({ extensions: editorExtensions({ paywall: true }) });
const roundTrip = (markdown: string) => manager.serialize(manager.parse(markdown));
const image = `/media/${"c".repeat(64)}`;

const DOCUMENT = [
  "## What happened",
  "Text with **bold**, *italics*, a [link](https://example.com/a) and a note[^1].",
  "- one\n- two",
  "> A quote.",
  `![A chart of freight rates](${image})`,
  PAYWALL_MARKER,
  "### What to watch",
  "1. first\n2. second",
  "[^1]: The *source*, [page 3](https://example.com/report).",
].join("\n\n");

describe("the rich editor's markdown", () => {
  it("reads and writes headings, lists, quotes, links, an image, a footnote and the paywall unchanged", () => {
    expect(roundTrip(DOCUMENT).trim()).toBe(DOCUMENT);
  });

  it("knows each construct as its own node", () => {
    const types = JSON.stringify(manager.parse(DOCUMENT));
    for (const t of ["heading", "bulletList", "orderedList", "blockquote", "image", "footnoteRef", "footnoteDef", "paywallMarker", "link"]) expect(types).toContain(`"${t}"`);
    expect(types).toContain('"alt":"A chart of freight rates"');
  });

  it("renders, once split at the paywall, into the site's sanitized HTML with the image and the footnote", () => {
    const { teaser, analysis } = OneText.parse(roundTrip(DOCUMENT));
    const teaserHtml = renderMarkdown(teaser, "teaser");
    expect(teaserHtml).toContain("<h2>What happened</h2>");
    expect(teaserHtml).toContain(`<img src="${image}" alt="A chart of freight rates" />`);
    expect(teaserHtml).not.toContain("What to watch");
    expect(teaserHtml).toMatch(/<li id="teaser-fn-1">\s*<p>The <em>source<\/em>/);
    const analysisHtml = renderMarkdown(analysis, "analysis");
    expect(analysisHtml).toContain("<h3>What to watch</h3>");
    expect(analysisHtml).not.toContain("footnotes");
  });

  it("keeps typed markdown characters as text, not as markup", () => {
    const doc = manager.parse("Prices rose 5 * 3 [not a link] <b>x</b>");
    const html = renderMarkdown(manager.serialize(doc));
    expect(html).not.toContain("<b>");
  });

  it("hands a javascript: link or a foreign image to the sanitizer, which drops them", () => {
    const md = roundTrip("[x](javascript:alert(1)) ![y](https://evil.example/p.png)");
    const html = renderMarkdown(md);
    expect(html).not.toMatch(/javascript:|evil\.example|<img/);
  });
});
