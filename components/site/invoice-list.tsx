import type { InvoiceLine } from "@/lib/billing/invoices";
import { formatDate, formatMoney } from "@/lib/format";

const STATUS: Record<string, string> = { paid: "Paid", open: "Due", void: "Void", uncollectible: "Uncollectible", draft: "Draft" };

/** Invoices and receipts from Stripe, with links to the hosted invoice and its PDF. */
export function InvoiceList({ invoices }: { invoices: InvoiceLine[] }) {
  return (
    <section aria-labelledby="invoices">
      <h2 id="invoices">Invoices and receipts</h2>
      {invoices.length === 0 ? (
        <p>No invoices yet.</p>
      ) : (
        <table className="invoices" data-testid="invoices">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Amount</th>
              <th scope="col">Status</th>
              <th scope="col">Documents</th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((i) => (
              <tr key={i.id}>
                <td>{formatDate(i.date)}</td>
                <td>{formatMoney(i.amountMinor, i.currency)}</td>
                <td>{STATUS[i.status] ?? i.status}</td>
                <td>
                  {i.hostedUrl ? <a href={i.hostedUrl}>{i.status === "paid" ? "Receipt" : "Pay invoice"}<span className="visually-hidden"> of {formatDate(i.date)}</span></a> : null}
                  {i.hostedUrl && i.pdfUrl ? " · " : null}
                  {i.pdfUrl ? <a href={i.pdfUrl}>PDF<span className="visually-hidden"> of {formatDate(i.date)}</span></a> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
