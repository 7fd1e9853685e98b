/**
 * Example props for every template (invented content, not real news).
 * Used by the tests and by the admin mail preview.
 */
import type { GiftReceiptProps, GiftReceivedProps, GiftRedeemedProps } from "./render";
import type { NewPieceProps, PaymentActionProps, PaymentFailedProps, SignalAlertProps, SignInProps, SubscriptionEndedProps, TrialEndingProps, WelcomeProps } from "./render";
import type { FullAssessment, RiskHook } from "@/lib/risk/types";
import { firstSentence } from "@/lib/newsletter/mail-heading";
import { joinLabel } from "@/lib/site";
import { UNSUBSCRIBE_PLACEHOLDER } from "./unsubscribe-placeholder";

const SITE = "https://esm-insight.example";

/** The sample publication of the previews; the admin previews show the configured one instead (lib/mail/previews). */
export const previewPublication = {
  name: "ESM Insight",
  tagline: "Geopolitics, markets and technology risk — analysed.",
  url: SITE,
} satisfies NewPieceProps["publication"];

export const signInPreviewProps = {
  url: `${SITE}/api/auth/callback/email?token=3f9c2a7e&email=reader%40example.com`,
  code: "482913",
  publication: previewPublication,
} satisfies SignInProps;

export const welcomeMemberPreviewProps = {
  name: "Alex",
  isPaid: false,
  accountUrl: `${SITE}/account`,
  homeUrl: SITE,
  publication: previewPublication,
} satisfies WelcomeProps;

export const welcomeSubscriberPreviewProps = {
  name: "Alex",
  isPaid: true,
  accountUrl: `${SITE}/account`,
  homeUrl: SITE,
  plan: { name: "Monthly", price: "$8 a month", nextCharge: "14 April 2031" },
  publication: previewPublication,
} satisfies WelcomeProps;

export const paymentFailedPreviewProps = {
  portalUrl: `${SITE}/account/billing`,
  graceEndsAt: "14 March 2031",
  publication: previewPublication,
} satisfies PaymentFailedProps;

export const paymentReminderPreviewProps = { ...paymentFailedPreviewProps, reminder: 1 } satisfies PaymentFailedProps;

export const trialEndingPreviewProps = {
  trialEndsAt: "14 March 2031",
  price: "$8 a month",
  accountUrl: `${SITE}/account`,
  publication: previewPublication,
} satisfies TrialEndingProps;

export const paymentActionPreviewProps = {
  invoiceUrl: "https://invoice.stripe.example/i/acct_123/test_abc",
  amount: "$8.00",
  publication: previewPublication,
} satisfies PaymentActionProps;

export const subscriptionEndedPreviewProps = {
  joinUrl: `${SITE}/join`,
  publication: previewPublication,
} satisfies SubscriptionEndedProps;

/** Sentences the tests look for; the analysis one must never reach free members. */
export const TEASER_SENTENCE =
  "A quiet change to export-licence rules for lithography parts has done more to reprice chip risk than any summit this year.";
export const ANALYSIS_SENTENCE =
  "The second-order effect is on insurers, who now price a single customs ruling as a supply-chain event.";

const teaserHtml = `<p>${TEASER_SENTENCE}</p>
<p>Markets noticed before ministers did: spreads on the debt of two mid-sized foundries widened by a third in a fortnight, while the headline indices barely moved.</p>`;

const analysisHtml = `<h2>Why the licence matters more than the tariff</h2>
<p>Tariffs are priced in the moment they are announced. Licensing regimes are not, because nobody knows how strictly they will be applied until the first refusal lands. That uncertainty sits on balance sheets as a contingent liability.</p>
<p>${ANALYSIS_SENTENCE} Premiums on trade-credit cover for component distributors have followed the foundry spreads rather than the equity market.</p>
<blockquote>When the rule is vague, the risk is not the rule — it is the discretion.</blockquote>
<h2>What to watch</h2>
<ul>
  <li>Whether the first licence decisions are published or handled quietly.</li>
  <li>Inventory build-ups at distributors in third countries.</li>
  <li>Any change in how rating agencies treat single-supplier exposure.</li>
</ul>`;

const piece = {
  headline: "The export licence that repriced chip risk",
  category: "Technology risk",
  url: `${SITE}/pieces/export-licence-chip-risk`,
  publishedAt: "3 March 2031",
  source: {
    outlet: "The Northern Ledger",
    headline: "Regulator tightens licensing for lithography spare parts",
    url: "https://northern-ledger.example/lithography-licensing",
  },
};

export const newPieceFullPreviewProps = {
  publication: previewPublication,
  piece,
  unsubscribeUrl: UNSUBSCRIBE_PLACEHOLDER,
  variant: "full",
  preheader: firstSentence(teaserHtml),
  teaserHtml,
  analysisHtml,
} satisfies NewPieceProps;

export const newPieceTeaserPreviewProps = {
  publication: previewPublication,
  piece,
  unsubscribeUrl: UNSUBSCRIBE_PLACEHOLDER,
  variant: "teaser",
  preheader: firstSentence(teaserHtml),
  teaserHtml,
  joinUrl: `${SITE}/subscribe`,
  pitch: "The full analysis — what this means for insurers, distributors and rating agencies — is for subscribers.",
  buttonText: joinLabel(previewPublication.name),
} satisfies NewPieceProps;

/** A sample assessment (invented) for the new-piece and alert previews. */
export const previewAssessment = {
  pieceId: "preview",
  level: "elevated",
  horizon: "months",
  vectors: [
    { slug: "regulatory", name: "Regulatory", likelihood: 4, impact: 3, direction: "rising", rationale: "Licence decisions are discretionary and unpublished." },
    { slug: "supply-chain", name: "Supply chain", likelihood: 3, impact: 4, direction: "steady", rationale: "Distributors hold six weeks of spare parts at most." },
  ],
  exposures: [
    { id: "t1", kind: "sector", slug: "semiconductors", name: "Semiconductors" },
    { id: "t2", kind: "region", slug: "east-asia", name: "East Asia" },
  ],
  signals: [
    {
      id: "s1",
      statement: "The first licence refusal is made public.",
      indicator: "A refusal notice in the regulator bulletin.",
      status: "triggered",
      statusAt: new Date("2031-03-10T09:00:00Z"),
      changes: [{ status: "triggered", note: "The bulletin of 10 March lists two refusals.", at: new Date("2031-03-10T09:00:00Z") }],
    },
  ],
} satisfies FullAssessment;

export const previewRiskHook = {
  level: previewAssessment.level,
  vectors: previewAssessment.vectors.map((v) => ({ slug: v.slug, name: v.name })),
} satisfies RiskHook;

const alertBase = {
  publication: previewPublication,
  piece: { headline: piece.headline, category: piece.category, url: piece.url },
  triggeredAt: "10 March 2031",
  unsubscribeUrl: UNSUBSCRIBE_PLACEHOLDER,
};

export const signalAlertFullPreviewProps = {
  ...alertBase,
  variant: "full",
  signal: { statement: "The first licence refusal is made public.", indicator: "A refusal notice in the regulator bulletin." },
  note: "The bulletin of 10 March lists two refusals.",
  assessment: previewAssessment,
} satisfies SignalAlertProps;

export const signalAlertTeaserPreviewProps = {
  ...alertBase,
  variant: "teaser",
  riskHook: previewRiskHook,
  joinUrl: `${SITE}/join`,
  buttonText: joinLabel(previewPublication.name),
} satisfies SignalAlertProps;

export const giftReceiptPreviewProps = {
  span: "3 months",
  recipientEmail: "friend@example.com",
  deliverOn: "24 December 2026",
  amount: "$28.80",
  tax: "$4.80",
  message: "Happy holidays! I thought you'd enjoy this.",
  publication: previewPublication,
} satisfies GiftReceiptProps;

export const giftReceivedPreviewProps = {
  span: "3 months",
  fromEmail: "giver@example.com",
  message: "Happy holidays! I thought you'd enjoy this.",
  redeemUrl: `${SITE}/gift/redeem/Zm9vYmFyYmF6cXV4`,
  redeemBy: "24 December 2027",
  publication: previewPublication,
} satisfies GiftReceivedProps;

export const giftRedeemedPreviewProps = {
  span: "3 months",
  recipientEmail: "friend@example.com",
  publication: previewPublication,
} satisfies GiftRedeemedProps;
