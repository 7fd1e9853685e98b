import { describe, expect, it } from "vitest";
import { joinAtPaywall, OneText, PAYWALL_MARKER } from "./paywall";

describe("the paywall marker", () => {
  it("splits one text into the teaser above the marker and the analysis below", () => {
    const r = OneText.parse(`Public part.\n\nStill public.\n\n${PAYWALL_MARKER}\n\n## Gated\n\nThe analysis.`);
    expect(r).toEqual({ teaser: "Public part.\n\nStill public.", analysis: "## Gated\n\nThe analysis." });
  });

  it("round-trips the two fields through one text", () => {
    expect(OneText.parse(joinAtPaywall(" Teaser. ", "Analysis[^1].\n\n[^1]: Note."))).toEqual({ teaser: "Teaser.", analysis: "Analysis[^1].\n\n[^1]: Note." });
  });

  it.each([
    ["no marker", "Only one part.", /Put the paywall marker/],
    ["two markers", `A\n\n${PAYWALL_MARKER}\n\nB\n\n${PAYWALL_MARKER}\n\nC`, /one paywall marker only/],
    ["nothing above it", `${PAYWALL_MARKER}\n\nB`, /teaser above/],
    ["nothing below it", `A\n\n${PAYWALL_MARKER}\n`, /analysis below/],
    ["a marker inside a line, which is no marker", `A ${PAYWALL_MARKER} B`, /Put the paywall marker/],
  ])("refuses %s", (_what, text, message) => {
    const r = OneText.safeParse(text);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(message);
  });
});

describe("footnotes across the paywall", () => {
  it("gives each part the texts of the notes it refers to", () => {
    const text = `Teaser[^1].\n\n${PAYWALL_MARKER}\n\nAnalysis[^2] and again[^1].\n\n[^1]: Public note.\n[^2]: Gated note.`;
    expect(OneText.parse(text)).toEqual({
      teaser: "Teaser[^1].\n\n[^1]: Public note.",
      analysis: "Analysis[^2] and again[^1].\n\n[^1]: Public note.\n[^2]: Gated note.",
    });
  });
});
