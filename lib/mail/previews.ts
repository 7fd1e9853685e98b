import {
  newPieceFullPreviewProps,
  newPieceTeaserPreviewProps,
  paymentFailedPreviewProps,
  signInPreviewProps,
  welcomeMemberPreviewProps,
  welcomeSubscriberPreviewProps,
} from "@/emails/preview-props";
import { renderNewPiece, renderPaymentFailed, renderSignIn, renderWelcome, type RenderedEmail } from "@/emails/render";

export const EMAIL_PREVIEWS = {
  "new-piece-full": { title: "New piece: full (paying, trialing, complimentary, staff)", render: () => renderNewPiece(newPieceFullPreviewProps) },
  "new-piece-teaser": { title: "New piece: teaser (free members)", render: () => renderNewPiece(newPieceTeaserPreviewProps) },
  "sign-in": { title: "Sign-in link and code", render: () => renderSignIn(signInPreviewProps) },
  "welcome-member": { title: "Welcome: free member", render: () => renderWelcome(welcomeMemberPreviewProps) },
  "welcome-subscriber": { title: "Welcome: subscriber", render: () => renderWelcome(welcomeSubscriberPreviewProps) },
  "payment-failed": { title: "Payment failed", render: () => renderPaymentFailed(paymentFailedPreviewProps) },
} satisfies Record<string, { title: string; render: () => Promise<RenderedEmail> }>;

export type EmailPreviewId = keyof typeof EMAIL_PREVIEWS;

export function isEmailPreviewId(id: string): id is EmailPreviewId {
  return Object.hasOwn(EMAIL_PREVIEWS, id);
}
