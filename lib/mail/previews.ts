import {
  newPieceFullPreviewProps,
  newPieceTeaserPreviewProps,
  paymentFailedPreviewProps,
  previewAssessment,
  previewRiskHook,
  signalAlertFullPreviewProps,
  signalAlertTeaserPreviewProps,
  signInPreviewProps,
  welcomeMemberPreviewProps,
  welcomeSubscriberPreviewProps,
} from "@/emails/preview-props";
import { renderNewPiece, renderPaymentFailed, renderSignalAlert, renderSignIn, renderWelcome, type RenderedEmail } from "@/emails/render";
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
} satisfies Record<string, { title: string; render: () => Promise<RenderedEmail> }>;

export type EmailPreviewId = keyof typeof EMAIL_PREVIEWS;

export function isEmailPreviewId(id: string): id is EmailPreviewId {
  return Object.hasOwn(EMAIL_PREVIEWS, id);
}
