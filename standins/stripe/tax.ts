/**
 * The stand-in's own tax rule (not Stripe Tax's): a fixed rate by billing country, exclusive of
 * the price, rounded to the minor unit. Real Stripe Tax decides from registrations, product tax
 * codes and addresses; this table only lets demo mode and tests see a tax line.
 */
import { invalidParam, missingParam } from "./errors";
import { readBoolean, readObject, readString, type FormObject } from "./form-body";
import type { CheckoutSessionRecord, CustomerRecord } from "./records";

export const STANDIN_TAX_PERCENT: Readonly<Record<string, number>> = { GB: 20, DE: 19, FR: 20 };

/** The countries the hosted Checkout page offers (code, name). */
export const CHECKOUT_COUNTRIES: readonly (readonly [string, string])[] = [
  ["GB", "United Kingdom"],
  ["DE", "Germany"],
  ["FR", "France"],
  ["IE", "Ireland"],
  ["NL", "Netherlands"],
  ["US", "United States"],
  ["CA", "Canada"],
  ["AU", "Australia"],
];

export function isCheckoutCountry(code: string): boolean {
  return CHECKOUT_COUNTRIES.some(([c]) => c === code);
}

export function taxPercent(country: string | null | undefined): number {
  return (country && STANDIN_TAX_PERCENT[country]) || 0;
}

export function taxOn(amount: number, country: string | null | undefined): number {
  return Math.round((amount * taxPercent(country)) / 100);
}

export type CheckoutTaxFields = Pick<
  CheckoutSessionRecord,
  | "automatic_tax"
  | "billing_address_collection"
  | "tax_id_collection"
  | "customer_update_address"
  | "invoice_creation"
  | "billing_country"
  | "tax_id"
  | "amount_tax"
  | "invoice"
>;

/** Reads automatic_tax, billing_address_collection, tax_id_collection, customer_update and invoice_creation. */
export function readCheckoutTaxParams(body: FormObject, customer: string | null): CheckoutTaxFields {
  const automaticTax = readObject(body, "automatic_tax");
  const taxIds = readObject(body, "tax_id_collection");
  const update = readObject(body, "customer_update");
  const invoiceCreation = readObject(body, "invoice_creation");
  const collection = readString(body, "billing_address_collection") ?? null;
  if (collection !== null && collection !== "auto" && collection !== "required") {
    throw invalidParam("Invalid billing_address_collection: must be one of auto or required", "billing_address_collection");
  }
  if (update && !customer) {
    throw invalidParam("customer_update can only be used with customer.", "customer_update");
  }
  const updateAddress = update ? readString(update, "address", "customer_update[address]") : undefined;
  if (updateAddress !== undefined && updateAddress !== "auto" && updateAddress !== "never") {
    throw invalidParam("Invalid customer_update[address]: must be one of auto or never", "customer_update[address]");
  }
  const enabled = (obj: FormObject | undefined, param: string): boolean => {
    if (!obj) return false;
    const value = readBoolean(obj, "enabled", `${param}[enabled]`);
    if (value === undefined) throw missingParam(`${param}[enabled]`);
    return value;
  };
  return {
    automatic_tax: enabled(automaticTax, "automatic_tax"),
    billing_address_collection: collection,
    tax_id_collection: enabled(taxIds, "tax_id_collection"),
    customer_update_address: updateAddress === "auto",
    invoice_creation: enabled(invoiceCreation, "invoice_creation"),
    billing_country: null,
    tax_id: null,
    amount_tax: 0,
    invoice: null,
  };
}

/** Whether the hosted page must ask for a billing country. */
export function asksForAddress(session: CheckoutSessionRecord): boolean {
  return session.automatic_tax || session.billing_address_collection === "required";
}

/** Where Checkout's collected address lands: a new customer always, an existing one with customer_update[address]=auto. */
export function applyCollectedAddress(session: CheckoutSessionRecord, customer: CustomerRecord, isNew: boolean): void {
  if (session.billing_country && (isNew || session.customer_update_address)) customer.address_country = session.billing_country;
}

/** The billing country and tax id typed on the hosted page; null when a required country is missing. */
export function readBillingDetails(
  session: CheckoutSessionRecord,
  form: FormObject,
): Pick<CheckoutSessionRecord, "billing_country" | "tax_id"> | null {
  const country = (readString(form, "country") ?? "").trim().toUpperCase();
  const taxId = session.tax_id_collection ? (readString(form, "tax_id") ?? "").trim().slice(0, 32) : "";
  if (asksForAddress(session) && !isCheckoutCountry(country)) return null;
  return { billing_country: isCheckoutCountry(country) ? country : null, tax_id: taxId || null };
}
