/** Checkout in mode=payment: a one-time charge, with an invoice when invoice_creation[enabled] was set. */
import { checkoutCustomer, type BillingContext } from "./billing";
import { newId } from "./ids";
import type { CheckoutSessionRecord, InvoiceRecord } from "./records";
import { checkoutSessionJson, invoiceJson } from "./serialize";
import { taxOn } from "./tax";

/** Pays a one-time Checkout session: emits checkout.session.completed (and invoice.paid when it made an invoice). */
export function completePayment(ctx: BillingContext, session: CheckoutSessionRecord, email: string | null): void {
  const state = ctx.state;
  const customer = checkoutCustomer(ctx, session, email);
  const subtotal = session.line_items.reduce((sum, line) => sum + state.price(line.price).unit_amount * line.quantity, 0);
  const tax = session.automatic_tax ? taxOn(subtotal, session.billing_country) : 0;
  const first = session.line_items[0] ? state.price(session.line_items[0].price) : undefined;
  let invoice: InvoiceRecord | undefined;
  if (session.invoice_creation) {
    const now = state.now();
    invoice = {
      id: newId("in"),
      customer: customer.id,
      subscription: null,
      status: "paid",
      amount_due: subtotal + tax,
      amount_paid: subtotal + tax,
      currency: first?.currency ?? "usd",
      billing_reason: "manual",
      price: first?.id ?? null,
      period_start: now,
      period_end: now,
      created: now,
      tax,
      description: first?.nickname ?? null,
    };
    state.invoices.set(invoice.id, invoice);
    session.invoice = invoice.id;
  }
  session.status = "complete";
  session.payment_status = "paid";
  session.amount_tax = tax;
  ctx.events.emit("checkout.session.completed", checkoutSessionJson(ctx, session));
  if (invoice) ctx.events.emit("invoice.paid", invoiceJson(ctx, invoice));
}
