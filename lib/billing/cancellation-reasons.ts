/** Stripe's fixed list of cancellation reasons (`cancellation_details.feedback`), in the reader's words. Plain data: forms import it. */
export const CANCELLATION_FEEDBACK = [
  "too_expensive",
  "missing_features",
  "switched_service",
  "unused",
  "customer_service",
  "too_complex",
  "low_quality",
  "other",
] as const;
export type CancellationFeedback = (typeof CANCELLATION_FEEDBACK)[number];

export const FEEDBACK_WORDS: Record<CancellationFeedback, string> = {
  too_expensive: "It’s too expensive",
  missing_features: "Something I need is missing",
  switched_service: "I’m moving to another service",
  unused: "I don’t read it enough",
  customer_service: "I had a poor experience with support",
  too_complex: "It’s too complicated to use",
  low_quality: "The analysis isn’t good enough",
  other: "Another reason",
};
