import "server-only";
import { stripe } from "./stripe";

export interface InvoiceLine {
  id: string;
  date: Date;
  amountMinor: number;
  currency: string;
  status: string;
  hostedUrl: string | null;
  pdfUrl: string | null;
}

/** The customer's invoices and receipts, newest first, read from Stripe (the source of truth). */
export async function listInvoices(customerId: string, limit = 24): Promise<InvoiceLine[]> {
  const page = await stripe().invoices.list({ customer: customerId, limit });
  return page.data.flatMap((i) =>
    i.id
      ? [
          {
            id: i.id,
            date: new Date(i.created * 1000),
            amountMinor: i.status === "paid" ? i.amount_paid : i.amount_due,
            currency: i.currency,
            status: i.status ?? "draft",
            hostedUrl: i.hosted_invoice_url ?? null,
            pdfUrl: i.invoice_pdf ?? null,
          },
        ]
      : [],
  );
}
