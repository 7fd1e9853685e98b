import { compileTemplate } from "@/lib/newsletter/substitute";
import { describe, expect, it } from "vitest";
import { preheaderFromHtml } from "./preheader";
import {
  ANALYSIS_SENTENCE,
  TEASER_SENTENCE,
  newPieceFullPreviewProps,
  newPieceTeaserPreviewProps,
  paymentFailedPreviewProps,
  signInPreviewProps,
  welcomeMemberPreviewProps,
  welcomeSubscriberPreviewProps,
} from "./preview-props";
import {
  UNSUBSCRIBE_PLACEHOLDER,
  renderNewPiece,
  renderPaymentFailed,
  renderSignIn,
  renderWelcome,
  type NewPieceProps,
  type RenderedEmail,
} from "./render";

/** How React writes an attribute value (e.g. `&` in an href becomes `&amp;`). */
const attr = (s: string) => s.replaceAll("&", "&amp;");

const all: Array<[string, () => Promise<RenderedEmail>]> = [
  ["sign-in", () => renderSignIn(signInPreviewProps)],
  ["welcome (member)", () => renderWelcome(welcomeMemberPreviewProps)],
  ["welcome (subscriber)", () => renderWelcome(welcomeSubscriberPreviewProps)],
  ["payment-failed", () => renderPaymentFailed(paymentFailedPreviewProps)],
  ["new-piece (full)", () => renderNewPiece(newPieceFullPreviewProps)],
  ["new-piece (teaser)", () => renderNewPiece(newPieceTeaserPreviewProps)],
];

describe.each(all)("%s", (_name, renderIt) => {
  it("renders a full html document and a plain-text version", async () => {
    const { html, text } = await renderIt();
    expect(html.startsWith("<!DOCTYPE html")).toBe(true);
    expect(html).toMatch(/<html[^>]*\blang="en"/);
    expect(html).toContain("max-width:600px");
    expect(html).toContain("ESM Insight");
    expect(text.length).toBeGreaterThan(100);
    expect(text).toContain("ESM Insight");
    expect(text).not.toMatch(/<[a-z][^>]*>/i); // no markup leaks into text
  });
});

describe("sign-in", () => {
  it("contains the url, the code, the hint and the expiry note", async () => {
    const { html, text } = await renderSignIn(signInPreviewProps);
    expect(html).toContain(`href="${attr(signInPreviewProps.url)}"`);
    expect(text).toContain(signInPreviewProps.url);
    for (const out of [html, text]) {
      expect(out).toContain(signInPreviewProps.code);
      expect(out).toContain("Sign in to ESM Insight");
      expect(out).toContain("or enter this code on the page you came from");
      expect(out).toContain("expires in 15 minutes");
    }
    expect(text).toContain("If you didn't ask for this, ignore this mail.");
    expect(html).not.toContain("Unsubscribe");
  });
});

describe("welcome", () => {
  it("greets by name and differs for members and subscribers", async () => {
    const member = await renderWelcome(welcomeMemberPreviewProps);
    const paid = await renderWelcome(welcomeSubscriberPreviewProps);
    expect(member.text).toContain("Welcome, Alex");
    expect(member.text).toContain("Subscribe whenever you like");
    expect(paid.text).toContain("Your subscription is active");
    for (const { html } of [member, paid]) {
      expect(html).toContain(`href="${welcomeMemberPreviewProps.accountUrl}"`);
      expect(html).toContain(`href="${welcomeMemberPreviewProps.homeUrl}"`);
    }
  });

  it("falls back to a generic greeting without a name", async () => {
    const { text } = await renderWelcome({ ...welcomeMemberPreviewProps, name: undefined });
    expect(text).toContain("Welcome to ESM Insight");
  });
});

describe("payment-failed", () => {
  it("has the heading, grace date and the portal button", async () => {
    const { html, text } = await renderPaymentFailed(paymentFailedPreviewProps);
    expect(text).toContain("Your payment didn't go through");
    expect(text).toContain(paymentFailedPreviewProps.graceEndsAt);
    expect(text).toContain("Update payment method");
    expect(html).toContain(`href="${paymentFailedPreviewProps.portalUrl}"`);
  });
});

describe("new-piece", () => {
  it("full variant contains teaser, analysis and a read-on-the-web link, no join button", async () => {
    const { html, text } = await renderNewPiece(newPieceFullPreviewProps);
    for (const out of [html, text]) {
      expect(out).toContain(TEASER_SENTENCE);
      expect(out).toContain(ANALYSIS_SENTENCE);
      expect(out).toContain("Read on the web");
      expect(out).toContain(newPieceFullPreviewProps.piece.headline);
      expect(out).not.toContain(newPieceTeaserPreviewProps.buttonText);
    }
    expect(html).toContain(`href="${newPieceFullPreviewProps.piece.url}"`);
    expect(html).toContain('class="esm-prose"');
    expect(html.indexOf(TEASER_SENTENCE)).toBeLessThan(html.indexOf(ANALYSIS_SENTENCE));
  });

  it("teaser variant contains teaser, pitch and join button but not the analysis", async () => {
    const { html, text } = await renderNewPiece(newPieceTeaserPreviewProps);
    for (const out of [html, text]) {
      expect(out).toContain(TEASER_SENTENCE);
      expect(out).toContain(newPieceTeaserPreviewProps.pitch);
      expect(out).toContain(newPieceTeaserPreviewProps.buttonText);
      expect(out).not.toContain(ANALYSIS_SENTENCE);
      expect(out).not.toContain("Read on the web");
    }
    expect(html).toContain(`href="${newPieceTeaserPreviewProps.joinUrl}"`);
    expect(text).toContain(newPieceTeaserPreviewProps.joinUrl);
  });

  it("teaser variant ignores analysis smuggled in at runtime", async () => {
    const smuggled = {
      ...newPieceTeaserPreviewProps,
      analysisHtml: `<p>${ANALYSIS_SENTENCE}</p>`,
    } as unknown as NewPieceProps; // a type error without the cast, see below
    const { html, text } = await renderNewPiece(smuggled);
    expect(html).not.toContain(ANALYSIS_SENTENCE);
    expect(text).not.toContain(ANALYSIS_SENTENCE);
    expect(html).toContain(TEASER_SENTENCE);
  });

  it("rejects analysis on the teaser variant at the type level", () => {
    // @ts-expect-error analysisHtml is `never` on the teaser variant
    const bad: NewPieceProps = { ...newPieceTeaserPreviewProps, analysisHtml: "<p>full text</p>" };
    expect(bad.variant).toBe("teaser");
  });

  it("renders a source line and omits it when absent", async () => {
    const withSource = await renderNewPiece(newPieceFullPreviewProps);
    expect(withSource.text).toContain("Responding to: The Northern Ledger");
    const { source: _source, ...pieceWithoutSource } = newPieceFullPreviewProps.piece;
    const without = await renderNewPiece({ ...newPieceFullPreviewProps, piece: pieceWithoutSource });
    expect(without.text).not.toContain("Responding to");
  });

  it.each([
    ["full", newPieceFullPreviewProps],
    ["teaser", newPieceTeaserPreviewProps],
  ] as const)("%s: the unsubscribe placeholder survives unescaped and can be replaced", async (_v, props) => {
    expect(props.unsubscribeUrl).toBe(UNSUBSCRIBE_PLACEHOLDER);
    const rendered = await renderNewPiece(props);
    expect(rendered.html).toContain(`href="${UNSUBSCRIBE_PLACEHOLDER}"`);
    expect(rendered.text).toContain(`Unsubscribe ${UNSUBSCRIBE_PLACEHOLDER}`);

    const url = "https://esm-insight.example/unsubscribe?u=42&t=abc";
    const plain = {
      html: rendered.html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, url),
      text: rendered.text.replaceAll(UNSUBSCRIBE_PLACEHOLDER, url),
    };
    expect(plain.html).toContain(`href="${url}"`);
    expect(plain.text).toContain(url);

    const personal = compileTemplate({ subject: "s", ...rendered }).fill(url);
    expect(personal.html).toContain(`href="${attr(url)}"`);
    expect(personal.text).toContain(url);
    expect(personal.html).not.toContain(UNSUBSCRIBE_PLACEHOLDER);
    expect(personal.text).not.toContain(UNSUBSCRIBE_PLACEHOLDER);
  });

  it("uses the teaser as the inbox preheader", async () => {
    const { html } = await renderNewPiece(newPieceTeaserPreviewProps);
    expect(html).toMatch(new RegExp(`data-skip-in-text="true">${TEASER_SENTENCE.slice(0, 40)}`));
  });
});

describe("preheaderFromHtml", () => {
  it("strips tags, decodes entities and truncates", () => {
    expect(preheaderFromHtml("<p>Risk &amp; return&nbsp;<em>now</em> &#8212; &#x2014;</p>")).toBe(
      "Risk & return now — —",
    );
    const long = preheaderFromHtml(`<p>${"word ".repeat(100)}</p>`, 50);
    expect(long.length).toBeLessThanOrEqual(50);
    expect(long.endsWith("…")).toBe(true);
  });
});
