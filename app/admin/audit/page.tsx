import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/guards";
import { AuditQuery, auditFilterChoices, auditHref, describeDetail, listAuditLog, type AuditEntry } from "@/lib/staff/audit-log";
import { auditWords } from "@/lib/staff/audit-words";
import { formatDateTime } from "@/lib/format";
import { Pagination } from "@/components/site/pagination";
import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/notice";
import "../admin.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log", robots: { index: false } };

function Target({ target }: { target: AuditEntry["target"] }) {
  if (!target) return <span className="meta">—</span>;
  switch (target.kind) {
    case "piece":
      return <Link href={`/admin/pieces/${target.id}`}>{target.title}</Link>;
    case "send":
      return <Link href={`/admin/sends/${target.id}`}>Send of “{target.title}”</Link>;
    case "person":
      return <Link href={`/admin/subscribers/${target.id}`}>{target.title}</Link>;
    case "other":
      return <span className="meta">{target.id}</span>;
  }
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin("/admin/audit");
  const filter = AuditQuery.parse(await searchParams);
  const [log, choices] = await Promise.all([listAuditLog(filter), auditFilterChoices()]);
  const filtered = Boolean(filter.actor || filter.action || filter.from || filter.to);
  return (
    <div className="wrap admin-page">
      <h1>Audit log</h1>
      <form className="toolbar audit-filter" method="get" action="/admin/audit" aria-label="Filter the audit log">
        <label>
          Who
          <select name="actor" defaultValue={filter.actor ?? ""}>
            <option value="">Anyone</option>
            {choices.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Action
          <select name="action" defaultValue={filter.action ?? ""}>
            <option value="">Any action</option>
            {choices.actions.map((a) => (
              <option key={a} value={a}>
                {auditWords(a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" name="from" defaultValue={filter.from ?? ""} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={filter.to ?? ""} />
        </label>
        <button className="button small" type="submit">
          Filter
        </button>
        {filtered ? <Link href="/admin/audit">Clear</Link> : null}
      </form>
      <p className="meta result-count" role="status">
        {log.total} {log.total === 1 ? "entry" : "entries"}
        {filtered ? " match" : ""}
      </p>
      <DataTable
        caption="Staff actions, newest first"
        rows={log.items}
        rowKey={(e) => e.id}
        empty={<Notice tone="info">{filtered ? "Nothing matches this filter." : "Nothing logged yet."}</Notice>}
        columns={[
          { header: "When", cell: (e) => <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time> },
          {
            header: "Who",
            cell: (e) =>
              e.actorId && e.actorName ? (
                <Link href={auditHref({ actor: e.actorId })}>{e.actorName}</Link>
              ) : (
                (e.actorName ?? <span className="meta">system</span>)
              ),
          },
          {
            header: "Action",
            cell: (e) => (
              <>
                {auditWords(e.action)} <code className="meta">{e.action}</code>
              </>
            ),
          },
          { header: "Target", className: "break", cell: (e) => <Target target={e.target} /> },
          { header: "Detail", className: "break", cell: (e) => describeDetail(e.detail) },
        ]}
      />
      <Pagination page={log.page} pageCount={log.pageCount} hrefFor={(n) => auditHref({ ...filter, page: n })} />
    </div>
  );
}
