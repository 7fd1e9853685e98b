import { createElement, type ReactElement } from "react";
import { render, type Options } from "@react-email/render";
import { CARD_CLASS } from "./assessment-card";
import { NewPieceEmail, type NewPieceProps } from "./new-piece";
import { PaymentFailedEmail, type PaymentFailedProps } from "./payment-failed";
import { SignInEmail, type SignInProps } from "./sign-in";
import { SignalAlertEmail, type SignalAlertProps } from "./signal-alert";
import { WelcomeEmail, type WelcomeProps } from "./welcome";
import { TrialEndingEmail, type TrialEndingProps } from "./trial-ending";
import { PaymentActionEmail, type PaymentActionProps } from "./payment-action";
import { SubscriptionEndedEmail, type SubscriptionEndedProps } from "./subscription-ended";
import { GiftReceiptEmail, type GiftReceiptProps } from "./gift-receipt";
import { GiftReceivedEmail, type GiftReceivedProps } from "./gift-received";
import { GiftRedeemedEmail, type GiftRedeemedProps } from "./gift-redeemed";

export type { GiftReceiptProps, GiftReceivedProps, GiftRedeemedProps };
export type { NewPieceProps, PaymentActionProps, PaymentFailedProps, SignalAlertProps, SignInProps, SubscriptionEndedProps, TrialEndingProps, WelcomeProps };
export { signalAlertSubject } from "./signal-alert";
export type RenderedEmail = { html: string; text: string };

/** Keep headings in their written case in the text version (html-to-text uppercases by default). */
const TEXT_OPTIONS: Options = {
  plainText: true,
  htmlToTextOptions: {
    selectors: [
      ...["h1", "h2", "h3", "h4"].map((selector) => ({ selector, options: { uppercase: false } })),
      // The assessment card: one line per row, cells side by side.
      { selector: `table.${CARD_CLASS}`, format: "dataTable", options: { uppercaseHeaderCells: false, maxColumnWidth: 120, colSpacing: 2 } },
    ],
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

export function renderTrialEnding(props: TrialEndingProps): Promise<RenderedEmail> {
  return renderBoth(createElement(TrialEndingEmail, props));
}

export function renderPaymentAction(props: PaymentActionProps): Promise<RenderedEmail> {
  return renderBoth(createElement(PaymentActionEmail, props));
}

export function renderSubscriptionEnded(props: SubscriptionEndedProps): Promise<RenderedEmail> {
  return renderBoth(createElement(SubscriptionEndedEmail, props));
}

export function renderGiftReceipt(props: GiftReceiptProps): Promise<RenderedEmail> {
  return renderBoth(createElement(GiftReceiptEmail, props));
}

export function renderGiftReceived(props: GiftReceivedProps): Promise<RenderedEmail> {
  return renderBoth(createElement(GiftReceivedEmail, props));
}

export function renderGiftRedeemed(props: GiftRedeemedProps): Promise<RenderedEmail> {
  return renderBoth(createElement(GiftRedeemedEmail, props));
}

/**
 * Render once per variant with `unsubscribeUrl: UNSUBSCRIBE_PLACEHOLDER`,
 * then fill in each recipient with lib/newsletter/substitute.ts.
 */
export function renderNewPiece(props: NewPieceProps): Promise<RenderedEmail> {
  return renderBoth(createElement(NewPieceEmail, props));
}

/** Like renderNewPiece: once per variant of an alert send, with the unsubscribe placeholder. */
export function renderSignalAlert(props: SignalAlertProps): Promise<RenderedEmail> {
  return renderBoth(createElement(SignalAlertEmail, props));
}

export { UNSUBSCRIBE_PLACEHOLDER } from "./unsubscribe-placeholder";

