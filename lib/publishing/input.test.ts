import { describe, expect, it } from "vitest";
import { validPieceForm } from "@/test-support/piece-form";
import { PieceForm } from "./input";

const valid = validPieceForm();

describe("the piece form", () => {
  it("refuses a NUL byte or another control character in any text field, with the field's name", () => {
    for (const field of ["headline", "category", "teaser", "analysis", "ctaPitch", "sourceOutlet", "sourceSummary"] as const) {
      const result = PieceForm.safeParse({ ...valid, [field]: "before\u0000after" });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path[0]).toBe(field);
      expect(result.error?.issues[0]?.message).toMatch(/control character/);
    }
    expect(PieceForm.safeParse({ ...valid, analysis: "Lines\nand\ttabs stay." }).success).toBe(true);
  });

  it("refuses a slug with a NUL byte", () => {
    expect(PieceForm.safeParse({ ...valid, slug: "a\u0000b" }).success).toBe(false);
  });
});
