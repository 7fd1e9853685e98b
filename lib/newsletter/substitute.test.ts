import { describe, expect, it } from "vitest";
import { newPieceFullPreviewProps, newPieceTeaserPreviewProps } from "@/emails/preview-props";
import { renderNewPiece, UNSUBSCRIBE_PLACEHOLDER } from "@/emails/render";
import { compileTemplate, UNSUBSCRIBE_SLOT } from "./substitute";

describe("compileTemplate", () => {
  it("uses the placeholder the templates are rendered with", () => {
    expect(UNSUBSCRIBE_SLOT).toBe(UNSUBSCRIBE_PLACEHOLDER);
  });

  it.each([
    ["full", newPieceFullPreviewProps],
    ["teaser", newPieceTeaserPreviewProps],
  ] as const)("fills the %s mail: the value HTML-escaped where it sits in an href, as-is in text", async (_name, props) => {
    const rendered = await renderNewPiece(props);
    const compiled = compileTemplate({ subject: "s", ...rendered });
    for (const value of ["https://esm.example/unsubscribe?token=abc.def", 'https://x.example/?a=1&b="2"<>']) {
      const escaped = value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
      expect(compiled.fill(value)).toEqual({
        html: rendered.html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, escaped),
        text: rendered.text.replaceAll(UNSUBSCRIBE_PLACEHOLDER, value),
      });
    }
    expect(compiled.fill("X").html).not.toContain(UNSUBSCRIBE_PLACEHOLDER);
  });
});
