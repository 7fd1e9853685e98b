import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime, formatNumber } from "@/lib/format";
import { RECIPIENTS_PAGE, type RecipientRow } from "@/lib/numbers/piece-stats";

/** One page of a send's recipients: what became of each mail. */
export function RecipientTable({ sendId, rows, total, page }: { sendId: string; rows: RecipientRow[]; total: number; page: number }) {
  const pages = Math.max(1, Math.ceil(total / RECIPIENTS_PAGE));
  const href = (p: number) => `/admin/sends/${sendId}?page=${p}`;
  return (
    <section className="admin-section" aria-labelledby="recipients-title">
      <h2 id="recipients-title" className="admin-section-title">
        Recipients
      </h2>
      <p className="meta">
        {formatNumber(total)} recipients · <a href={`/admin/sends/${sendId}/recipients.csv`}>Download CSV</a>
      </p>
      <DataTable
        caption="Each recipient's mail"
        rows={rows}
        rowKey={(r) => r.email}
        empty={<p>No recipients.</p>}
        columns={[
          { header: "Address", rowHeader: true, cell: (r) => r.email },
          { header: "Variant", cell: (r) => (r.variant === "full" ? "Full" : "Teaser") },
          { header: "Status", cell: (r) => r.status + (r.error ? ` (${r.error})` : "") },
          { header: "Delivered", cell: (r) => (r.deliveredAt ? formatDateTime(r.deliveredAt) : "–") },
          { header: "Opened", cell: (r) => (r.openedAt ? `${formatDateTime(r.openedAt)}${r.machineOnly ? " (by a machine)" : ""}` : "–") },
          { header: "Clicks", numeric: true, cell: (r) => formatNumber(r.clicks) },
        ]}
      />
      {pages > 1 ? (
        <nav className="pager" aria-label="Recipient pages">
          {page > 1 ? <Link href={href(page - 1)}>← Previous</Link> : null}
          <span className="meta">
            Page {page} of {pages}
          </span>
          {page < pages ? <Link href={href(page + 1)}>Next →</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
