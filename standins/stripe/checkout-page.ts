/** The hosted-checkout page (GET /checkout/:id), re-rendered with an alert when a card fails. */
import { renderTaxFields } from "./checkout-tax-page";
import { escapeHtml, layout, planName, priceLabel, PUBLICATION_NAME } from "./html";
import type { CheckoutSessionRecord, PriceRecord } from "./records";

export const DEFAULT_TEST_CARD = "4242 4242 4242 4242";
export const DECLINED_MESSAGE = "Your card was declined. Try another card.";
export const INVALID_CARD_MESSAGE = "Your card number is invalid.";
export const MISSING_EMAIL_MESSAGE = "Enter your email address.";

export interface CheckoutPageInput {
  session: CheckoutSessionRecord;
  lines: { price: PriceRecord; quantity: number }[];
  /** The customer's email when known (shown read-only). */
  knownEmail: string | null;
  cardNumber?: string;
  email?: string;
  country?: string;
  taxId?: string;
  error?: { field: "card" | "email" | "country"; message: string };
}

function planSummary(input: CheckoutPageInput): string {
  const trialDays = input.session.trial_period_days;
  return input.lines
    .map(({ price, quantity }) => {
      const qty = quantity > 1 ? ` × ${quantity}` : "";
      if (!price.interval) return `<h2>${escapeHtml(price.nickname ?? "One-off payment")}${qty}</h2>\n<p class="price">${escapeHtml(priceLabel(price))}</p>`;
      const trial = trialDays
        ? `<p>${trialDays}-day free trial, then ${escapeHtml(priceLabel(price))}. Nothing is charged today.</p>`
        : "";
      return `<h2>${escapeHtml(planName(price))} plan${qty}</h2>
<p class="price">${escapeHtml(priceLabel(price))}</p>
${trial}`;
    })
    .join("\n");
}

export function renderCheckoutPage(input: CheckoutPageInput): string {
  const { session, error } = input;
  const back = session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">← Back</a></p>` : "";
  const alert = error ? `<p class="alert" role="alert" id="form-error">${escapeHtml(error.message)}</p>` : "";
  const cardInvalid = error?.field === "card";
  const emailInvalid = error?.field === "email";
  const emailValue = input.knownEmail ?? input.email ?? "";
  const emailInput = input.knownEmail
    ? `<input id="email" name="email" type="email" autocomplete="email" value="${escapeHtml(emailValue)}" readonly>`
    : `<input id="email" name="email" type="email" autocomplete="email" required value="${escapeHtml(emailValue)}"` +
      `${emailInvalid ? ' aria-invalid="true" aria-describedby="form-error"' : ""}>`;
  const cardDescribedBy = cardInvalid ? "card-hint form-error" : "card-hint";
  const body = `${back}
<h1>${escapeHtml(PUBLICATION_NAME)}</h1>
${planSummary(input)}
<form method="post" action="/checkout/${encodeURIComponent(session.id)}/pay">
${alert}
<label for="email">Email</label>
${emailInput}
${renderTaxFields({
  session,
  subtotal: input.lines.reduce((sum, { price, quantity }) => sum + price.unit_amount * quantity, 0),
  currency: input.lines[0]?.price.currency ?? "usd",
  country: input.country ?? "",
  taxId: input.taxId ?? "",
  countryInvalid: error?.field === "country",
})}
<label for="card_number">Card number</label>
<input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" required
  value="${escapeHtml(input.cardNumber ?? DEFAULT_TEST_CARD)}" aria-describedby="${cardDescribedBy}"${cardInvalid ? ' aria-invalid="true"' : ""}>
<p class="hint" id="card-hint">Test cards: 4242 4242 4242 4242 succeeds; 4000 0000 0000 0002 is declined.</p>
<button type="submit">Pay</button>
</form>`;
  return layout(session.mode === "payment" ? `Pay ${PUBLICATION_NAME}` : `Subscribe to ${PUBLICATION_NAME}`, body);
}
