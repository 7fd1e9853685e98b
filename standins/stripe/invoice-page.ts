/** The hosted invoice page (GET /invoices/:id) and its PDF (GET /invoices/:id/pdf), at the URLs invoices carry. */
import { escapeHtml, formatDate, formatMoney, layout, PUBLICATION_NAME } from "./html";
import type { InvoiceRecord } from "./records";
import type { StandinState } from "./state";

interface InvoiceLines {
  title: string;
  rows: [string, string][];
}

function invoiceLines(state: StandinState, invoice: InvoiceRecord): InvoiceLines {
  const price = invoice.price ? state.prices.get(invoice.price) : undefined;
  const customer = state.customers.get(invoice.customer);
  const tax = invoice.tax ?? 0;
  const money = (n: number) => formatMoney(n, invoice.currency);
  const rows: [string, string][] = [
    ["Invoice", invoice.id],
    ["Date", formatDate(invoice.created)],
    ["Billed to", customer?.email ?? invoice.customer],
    ["Item", invoice.description ?? price?.nickname ?? "Subscription"],
  ];
  if (invoice.subscription) rows.push(["Period", `${formatDate(invoice.period_start)} to ${formatDate(invoice.period_end)}`]);
  rows.push(["Subtotal", money(invoice.amount_due - tax)]);
  if (tax > 0) rows.push([`Tax${customer?.address_country ? ` (${customer.address_country})` : ""}`, money(tax)]);
  rows.push(["Total", money(invoice.amount_due)], ["Amount paid", money(invoice.amount_paid)], ["Status", invoice.status]);
  return { title: `${PUBLICATION_NAME} invoice`, rows };
}

export function renderInvoicePage(state: StandinState, invoice: InvoiceRecord): string {
  const { title, rows } = invoiceLines(state, invoice);
  const list = rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join("\n");
  const pdf = `/invoices/${encodeURIComponent(invoice.id)}/pdf`;
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<dl class="card">\n${list}\n</dl>\n<p><a href="${escapeHtml(pdf)}">Download PDF</a></p>`);
}

/** PDF string literals: only printable ASCII, with \, ( and ) escaped. */
function pdfText(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, "?").replace(/([\\()])/g, "\\$1");
}

/** A one-page PDF 1.4 with the invoice's lines in Helvetica, its cross-reference offsets computed. */
export function invoicePdf(state: StandinState, invoice: InvoiceRecord): Buffer {
  const { title, rows } = invoiceLines(state, invoice);
  const lines = [title, "", ...rows.map(([k, v]) => `${k}: ${v}`)];
  const content = ["BT", "/F1 12 Tf", "16 TL", "72 760 Td", ...lines.map((l) => `(${pdfText(l)}) '`), "ET"].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
