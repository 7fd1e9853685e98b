/**
 * The assessment in mail: the compact card of the full new-piece mail and of a signal alert
 * (tables with inline styles, and a plain-text form), and the gating of teaser-tier mails: level
 * and vector names only, never a score, rationale, horizon, exposed party or signal.
 */
import { describe, expect, it } from "vitest";
import {
  newPieceFullPreviewProps,
  newPieceTeaserPreviewProps,
  previewAssessment,
  previewRiskHook,
  signalAlertFullPreviewProps,
  signalAlertTeaserPreviewProps,
} from "./preview-props";
import { renderNewPiece, renderSignalAlert, type RenderedEmail } from "./render";

const a = previewAssessment;
const signal = a.signals[0]!;
/** Every gated string of the sample assessment. */
const GATED = [
  ...a.vectors.map((v) => v.rationale),
  ...a.exposures.map((t) => t.name),
  signal.statement,
  signal.indicator,
  signal.changes[0]!.note,
  "Time horizon",
  "Likelihood",
  "4/5",
  "3/5",
];

function expectNoGated(mail: RenderedEmail) {
  for (const part of [mail.html, mail.text]) for (const g of GATED) expect(part).not.toContain(g);
}

describe("the assessment card in the full new-piece mail", () => {
  it("carries level, horizon, every vector's scores, direction and rationale, who is exposed and the signals, in html tables and in the text part", async () => {
    const mail = await renderNewPiece({ ...newPieceFullPreviewProps, assessment: a });
    expect(mail.html).toMatch(/<table[^>]*role="presentation"[^>]*style="[^"]*border:1px solid/);
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain("Risk level:");
      expect(part).toContain("Elevated");
      expect(part).toContain("Time horizon: Months");
      for (const v of a.vectors) {
        expect(part).toContain(v.name);
        expect(part).toContain(v.rationale);
      }
      expect(part).toContain("4/5");
      expect(part).toContain("Rising ↑");
      expect(part).toContain("Semiconductors");
      expect(part).toContain("East Asia");
      expect(part).toContain(signal.statement);
    }
    // The text form keeps one vector's scores on one line.
    expect(mail.text).toMatch(/Regulatory\s+4\/5\s+3\/5\s+Rising ↑/);
    // No stylesheet class carries the card: every style is inline.
    expect(mail.html).not.toMatch(/class="[^"]*risk/);
  });

  it("is absent when the piece has no assessment", async () => {
    const mail = await renderNewPiece(newPieceFullPreviewProps);
    expect(mail.html).not.toContain("Risk level:");
  });
});

describe("teaser-tier mails carry the level and vector names only", () => {
  it("new-piece teaser", async () => {
    const mail = await renderNewPiece({ ...newPieceTeaserPreviewProps, riskHook: previewRiskHook });
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain("Elevated");
      expect(part).toContain("Regulatory");
      expect(part).toContain("Supply chain");
    }
    expectNoGated(mail);
  });

  it("ignores an assessment smuggled into a teaser at runtime", async () => {
    const smuggled = { ...newPieceTeaserPreviewProps, riskHook: previewRiskHook, assessment: a } as unknown as Parameters<typeof renderNewPiece>[0];
    expectNoGated(await renderNewPiece(smuggled));
  });

  it("signal alert teaser: that a followed signal tripped, a Join button, no gated content", async () => {
    const mail = await renderSignalAlert(signalAlertTeaserPreviewProps);
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain("A signal you follow was marked triggered");
      expect(part).toContain("Join ESM Insight");
      expect(part).toContain("Unsubscribe from signal alerts");
    }
    expectNoGated(mail);
    const smuggled = { ...signalAlertTeaserPreviewProps, signal: { statement: signal.statement, indicator: signal.indicator }, note: signal.changes[0]!.note, assessment: a };
    expectNoGated(await renderSignalAlert(smuggled as unknown as Parameters<typeof renderSignalAlert>[0]));
  });
});

describe("the full signal alert", () => {
  it("carries the signal, its indicator, the editor's note and the updated assessment", async () => {
    const mail = await renderSignalAlert(signalAlertFullPreviewProps);
    for (const part of [mail.html, mail.text]) {
      for (const g of GATED) expect(part).toContain(g);
      expect(part).not.toContain("Join ESM Insight");
    }
  });
});
