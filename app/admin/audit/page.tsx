import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/guards";
import { AuditQuery, describeDetail, listAuditLog } from "@/lib/staff/audit-log";
import { formatDateTime } from "@/lib/format";
import { Pagination } from "@/components/site/pagination";
import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/notice";
import "../admin.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log", robots: { index: false } };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin("/admin/audit");
  const { page } = AuditQuery.parse(await searchParams);
  const log = await listAuditLog(page);
  return (
    <div className="wrap admin-page">
      <h1>Audit log</h1>
      <DataTable
        caption="Staff actions, newest first"
        rows={log.items}
        rowKey={(e) => e.id}
        empty={<Notice tone="info">Nothing logged yet.</Notice>}
        columns={[
          { header: "When", cell: (e) => <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time> },
          { header: "Who", cell: (e) => e.actorEmail ?? e.actorId ?? <span className="meta">system</span> },
          { header: "Action", cell: (e) => <code>{e.action}</code> },
          { header: "Target", className: "break", cell: (e) => e.target ?? <span className="meta">—</span> },
          { header: "Detail", className: "break", cell: (e) => describeDetail(e.detail) },
        ]}
      />
      <Pagination page={log.page} pageCount={log.pageCount} hrefFor={(n) => (n > 1 ? `/admin/audit?page=${n}` : "/admin/audit")} />
    </div>
  );
}
