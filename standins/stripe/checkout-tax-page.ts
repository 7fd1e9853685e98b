/** The hosted Checkout page's billing address, tax id and tax line (when the session asks for them). */
import { escapeHtml, formatMoney } from "./html";
import type { CheckoutSessionRecord } from "./records";
import { asksForAddress, CHECKOUT_COUNTRIES, STANDIN_TAX_PERCENT, taxOn, taxPercent } from "./tax";

export const MISSING_COUNTRY_MESSAGE = "Choose your billing country.";

export interface TaxFieldsInput {
  session: CheckoutSessionRecord;
  subtotal: number;
  currency: string;
  country: string;
  taxId: string;
  countryInvalid: boolean;
}

function rateNote(): string {
  const rates = Object.entries(STANDIN_TAX_PERCENT)
    .map(([code, pct]) => `${code} ${pct}%`)
    .join(", ");
  return `Tax by billing country (the stand-in's rule): ${rates}, elsewhere 0%.`;
}

/** The tax line; the script only refreshes it when the country changes (the server computes the charge). */
function taxLine(input: TaxFieldsInput): string {
  const { subtotal, currency, country } = input;
  const tax = taxOn(subtotal, country || null);
  const rates = JSON.stringify(STANDIN_TAX_PERCENT);
  const label = country ? `Tax (${taxPercent(country)}%)` : "Tax";
  const amount = country ? formatMoney(tax, currency) : "calculated from your billing country";
  return `<dl class="card" id="tax-summary">
<dt>Subtotal</dt><dd>${escapeHtml(formatMoney(subtotal, currency))}</dd>
<dt id="tax-label">${escapeHtml(label)}</dt><dd id="tax-amount">${escapeHtml(amount)}</dd>
<dt>Total</dt><dd id="tax-total">${escapeHtml(formatMoney(subtotal + tax, currency))}</dd>
</dl>
<p class="hint">${escapeHtml(rateNote())}</p>
<script>
(() => {
  const rates = ${rates}, subtotal = ${subtotal}, select = document.getElementById("country");
  const money = (n) => new Intl.NumberFormat("en-US", { style: "currency", currency: ${JSON.stringify(currency.toUpperCase())} }).format(n / 100);
  select && select.addEventListener("change", () => {
    const pct = rates[select.value] || 0, tax = Math.round(subtotal * pct / 100);
    document.getElementById("tax-label").textContent = "Tax (" + pct + "%)";
    document.getElementById("tax-amount").textContent = money(tax);
    document.getElementById("tax-total").textContent = money(subtotal + tax);
  });
})();
</script>`;
}

/** Billing country (and the tax line with automatic tax), and the optional tax id; "" when the session asks for none. */
export function renderTaxFields(input: TaxFieldsInput): string {
  const { session } = input;
  const parts: string[] = [];
  if (asksForAddress(session)) {
    const options = CHECKOUT_COUNTRIES.map(
      ([code, name]) => `<option value="${code}"${code === input.country ? " selected" : ""}>${escapeHtml(name)}</option>`,
    ).join("");
    const invalid = input.countryInvalid ? ' aria-invalid="true" aria-describedby="form-error"' : "";
    parts.push(`<label for="country">Billing country</label>
<select id="country" name="country" autocomplete="country" required${invalid}><option value="">Choose…</option>${options}</select>`);
  }
  if (session.tax_id_collection) {
    parts.push(`<label for="tax_id">VAT or tax ID (optional)</label>
<input id="tax_id" name="tax_id" autocomplete="off" maxlength="32" value="${escapeHtml(input.taxId)}">`);
  }
  if (session.automatic_tax) parts.push(taxLine(input));
  return parts.join("\n");
}
