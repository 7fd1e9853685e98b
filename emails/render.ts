import { createElement, type ReactElement } from "react";
import { render, type Options } from "@react-email/render";
import { NewPieceEmail, type NewPieceProps } from "./new-piece";
import { PaymentFailedEmail, type PaymentFailedProps } from "./payment-failed";
import { SignInEmail, type SignInProps } from "./sign-in";
import { WelcomeEmail, type WelcomeProps } from "./welcome";

export type { NewPieceProps, PaymentFailedProps, SignInProps, WelcomeProps };
export type RenderedEmail = { html: string; text: string };

/** Keep headings in their written case in the text version (html-to-text uppercases by default). */
const TEXT_OPTIONS: Options = {
  plainText: true,
  htmlToTextOptions: {
    selectors: ["h1", "h2", "h3", "h4"].map((selector) => ({ selector, options: { uppercase: false } })),
  },
};

async function renderBoth(element: ReactElement): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(element), render(element, TEXT_OPTIONS)]);
  return { html, text: text.trim() };
}

export function renderSignIn(props: SignInProps): Promise<RenderedEmail> {
  return renderBoth(createElement(SignInEmail, props));
}

export function renderWelcome(props: WelcomeProps): Promise<RenderedEmail> {
  return renderBoth(createElement(WelcomeEmail, props));
}

export function renderPaymentFailed(props: PaymentFailedProps): Promise<RenderedEmail> {
  return renderBoth(createElement(PaymentFailedEmail, props));
}

/**
 * Render once per variant with `unsubscribeUrl: UNSUBSCRIBE_PLACEHOLDER`,
 * then `personalize()` per recipient.
 */
export function renderNewPiece(props: NewPieceProps): Promise<RenderedEmail> {
  return renderBoth(createElement(NewPieceEmail, props));
}

export { UNSUBSCRIBE_PLACEHOLDER } from "./unsubscribe-placeholder";

/**
 * Substitute a placeholder in a rendered mail. The value is HTML-escaped for
 * the html part (it lands inside an href attribute) and used as-is in text.
 */
export function personalize(
  rendered: RenderedEmail,
  placeholder: string,
  value: string,
): RenderedEmail {
  const escaped = value
    .replaceAll("&", "&amp;")
    .replaceAll('"', "&quot;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;");
  return {
    html: rendered.html.replaceAll(placeholder, escaped),
    text: rendered.text.replaceAll(placeholder, value),
  };
}
