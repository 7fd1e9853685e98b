import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/guards";
import { AuditQuery, describeDetail, listAuditLog } from "@/lib/staff/audit-log";
import { formatDateTime } from "@/lib/staff/format";
import { Pagination } from "@/components/site/pagination";
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
      {log.items.length === 0 ? (
        <p className="notice">Nothing logged yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Staff actions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {log.items.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
                  </td>
                  <td>{e.actorEmail ?? e.actorId ?? <span className="meta">system</span>}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td className="break">{e.target ?? <span className="meta">—</span>}</td>
                  <td className="break">{describeDetail(e.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={log.page} pageCount={log.pageCount} hrefFor={(n) => (n > 1 ? `/admin/audit?page=${n}` : "/admin/audit")} />
    </div>
  );
}
