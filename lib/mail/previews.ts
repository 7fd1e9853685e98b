import {
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
import { joinLabel } from "@/lib/site";
import { mailPublication } from "./publication";

/** The sample mails, under the configured publication's name. */
const ours = <P extends { publication: unknown }>(props: P): P => ({ ...props, publication: mailPublication() });

export const EMAIL_PREVIEWS = {
  "new-piece-full": { title: "New piece: full (paying, trialing, complimentary, staff)", render: () => renderNewPiece({ ...ours(newPieceFullPreviewProps), assessment: previewAssessment }) },
  "new-piece-teaser": { title: "New piece: teaser (free members)", render: () => renderNewPiece({ ...ours(newPieceTeaserPreviewProps), buttonText: joinLabel(), riskHook: previewRiskHook }) },
  "signal-alert-full": { title: "Signal alert: full (entitled followers)", render: () => renderSignalAlert(ours(signalAlertFullPreviewProps)) },
  "signal-alert-teaser": { title: "Signal alert: teaser (free members who follow)", render: () => renderSignalAlert({ ...ours(signalAlertTeaserPreviewProps), buttonText: joinLabel() }) },
  "sign-in": { title: "Sign-in link and code", render: () => renderSignIn(ours(signInPreviewProps)) },
  "welcome-member": { title: "Welcome: free member", render: () => renderWelcome(ours(welcomeMemberPreviewProps)) },
  "welcome-subscriber": { title: "Welcome: subscriber", render: () => renderWelcome(ours(welcomeSubscriberPreviewProps)) },
  "payment-failed": { title: "Payment failed", render: () => renderPaymentFailed(ours(paymentFailedPreviewProps)) },
  "payment-reminder": { title: "Payment failed: reminder (+3, +6 days)", render: () => renderPaymentFailed(ours(paymentReminderPreviewProps)) },
  "payment-action": { title: "Payment needs action", render: () => renderPaymentAction(ours(paymentActionPreviewProps)) },
  "trial-ending": { title: "Trial ends in 3 days", render: () => renderTrialEnding(ours(trialEndingPreviewProps)) },
  "subscription-ended": { title: "Subscription ended", render: () => renderSubscriptionEnded(ours(subscriptionEndedPreviewProps)) },
} satisfies Record<string, { title: string; render: () => Promise<RenderedEmail> }>;

export type EmailPreviewId = keyof typeof EMAIL_PREVIEWS;

export function isEmailPreviewId(id: string): id is EmailPreviewId {
  return Object.hasOwn(EMAIL_PREVIEWS, id);
}
