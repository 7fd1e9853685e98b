import { describe, expect, it } from "vitest";
import { newPieceFullPreviewProps, newPieceTeaserPreviewProps } from "@/emails/preview-props";
import { personalize, renderNewPiece, UNSUBSCRIBE_PLACEHOLDER } from "@/emails/render";
import { compileTemplate, UNSUBSCRIBE_SLOT } from "./substitute";

describe("compileTemplate", () => {
  it("uses the placeholder the templates are rendered with", () => {
    expect(UNSUBSCRIBE_SLOT).toBe(UNSUBSCRIBE_PLACEHOLDER);
  });

  it.each([
    ["full", newPieceFullPreviewProps],
    ["teaser", newPieceTeaserPreviewProps],
  ] as const)("fills the %s mail exactly like personalize()", async (_name, props) => {
    const rendered = await renderNewPiece(props);
    const compiled = compileTemplate({ subject: "s", ...rendered });
    for (const value of ["https://esm.example/unsubscribe?token=abc.def", 'https://x.example/?a=1&b="2"<>']) {
      expect(compiled.fill(value)).toEqual(personalize(rendered, UNSUBSCRIBE_PLACEHOLDER, value));
    }
    expect(compiled.fill("X").html).not.toContain(UNSUBSCRIBE_PLACEHOLDER);
  });
});
