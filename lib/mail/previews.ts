import "server-only";
import {
  giftReceiptPreviewProps,
  giftReceivedPreviewProps,
  giftRedeemedPreviewProps,
  newPieceFullPreviewProps,
  newPieceTeaserPreviewProps,
  paymentActionPreviewProps,
  paymentFailedPreviewProps,
  previewAssessment,
  previewRiskHook,
  signalAlertFullPreviewProps,
  signalAlertTeaserPreviewProps,
  paymentReminderPreviewProps,
  signInPreviewProps,
  subscriptionEndedPreviewProps,
  trialEndingPreviewProps,
  welcomeMemberPreviewProps,
  welcomeSubscriberPreviewProps,
} from "@/emails/preview-props";
import {
  renderGiftReceipt,
  renderGiftReceived,
  renderGiftRedeemed,
  renderNewPiece,
  renderPaymentAction,
  renderPaymentFailed,
  renderSignalAlert,
  renderSignIn,
  renderSubscriptionEnded,
  renderTrialEnding,
  renderWelcome,
  type RenderedEmail,
} from "@/emails/render";
import { config } from "@/lib/env";
import { joinHref, joinLabel, pieceHref } from "@/lib/site";
import { mailPublication } from "./publication";

/**
 * The sample mails as they would be sent: the configured publication, and every link made the way
 * the sending code makes it (APP_URL and lib/site's paths). Only the words are examples.
 */
const ours = <P extends { publication: unknown }>(props: P): P => ({ ...props, publication: mailPublication() });
const app = (path = "") => `${config().appUrl}${path}`;
const SAMPLE_SLUG = "export-licence-chip-risk";
const samplePiece = () => ({ ...newPieceFullPreviewProps.piece, url: app(pieceHref(SAMPLE_SLUG)), author: "Priya Natarajan" });
const alertPiece = () => ({ ...signalAlertFullPreviewProps.piece, url: app(pieceHref(SAMPLE_SLUG)) });

export const EMAIL_PREVIEWS = {
  "new-piece-full": {
    title: "New piece: full (paying, trialing, complimentary, staff)",
    render: () => renderNewPiece({ ...ours(newPieceFullPreviewProps), piece: samplePiece(), assessment: previewAssessment }),
  },
  "new-piece-teaser": {
    title: "New piece: teaser (free members)",
    render: () =>
      renderNewPiece({ ...ours(newPieceTeaserPreviewProps), piece: samplePiece(), joinUrl: app(joinHref(pieceHref(SAMPLE_SLUG))), buttonText: joinLabel(), riskHook: previewRiskHook }),
  },
  "signal-alert-full": { title: "Signal alert: full (entitled followers)", render: () => renderSignalAlert({ ...ours(signalAlertFullPreviewProps), piece: alertPiece() }) },
  "signal-alert-teaser": { title: "Signal alert: teaser (free members who follow)", render: () => renderSignalAlert({ ...ours(signalAlertTeaserPreviewProps), piece: alertPiece(), joinUrl: app(joinHref(pieceHref(SAMPLE_SLUG))), buttonText: joinLabel() }) },
  "sign-in": {
    title: "Sign-in link and code",
    render: () => renderSignIn({ ...ours(signInPreviewProps), url: app(`/api/auth/callback/email?token=3f9c2a7e&email=${encodeURIComponent("reader@example.com")}`) }),
  },
  "welcome-member": { title: "Welcome: free member", render: () => renderWelcome({ ...ours(welcomeMemberPreviewProps), accountUrl: app("/account"), homeUrl: app() }) },
  "welcome-subscriber": { title: "Welcome: subscriber", render: () => renderWelcome({ ...ours(welcomeSubscriberPreviewProps), accountUrl: app("/account"), homeUrl: app() }) },
  "payment-failed": { title: "Payment failed", render: () => renderPaymentFailed({ ...ours(paymentFailedPreviewProps), portalUrl: app("/account/billing") }) },
  "payment-reminder": { title: "Payment failed: reminder (+3, +6 days)", render: () => renderPaymentFailed({ ...ours(paymentReminderPreviewProps), portalUrl: app("/account/billing") }) },
  "payment-action": { title: "Payment needs action", render: () => renderPaymentAction(ours(paymentActionPreviewProps)) },
  "trial-ending": { title: "Trial ends in 3 days", render: () => renderTrialEnding({ ...ours(trialEndingPreviewProps), accountUrl: app("/account") }) },
  "subscription-ended": { title: "Subscription ended", render: () => renderSubscriptionEnded({ ...ours(subscriptionEndedPreviewProps), joinUrl: app(joinHref()) }) },
  "gift-receipt": { title: "Gift: the buyer's receipt", render: () => renderGiftReceipt(ours(giftReceiptPreviewProps)) },
  "gift-received": { title: "Gift: the recipient's redeem link", render: () => renderGiftReceived({ ...ours(giftReceivedPreviewProps), redeemUrl: app("/gift/redeem/Zm9vYmFyYmF6cXV4") }) },
  "gift-redeemed": { title: "Gift: redeemed (to the buyer)", render: () => renderGiftRedeemed(ours(giftRedeemedPreviewProps)) },
} satisfies Record<string, { title: string; render: () => Promise<RenderedEmail> }>;

export type EmailPreviewId = keyof typeof EMAIL_PREVIEWS;

export function isEmailPreviewId(id: string): id is EmailPreviewId {
  return Object.hasOwn(EMAIL_PREVIEWS, id);
}
