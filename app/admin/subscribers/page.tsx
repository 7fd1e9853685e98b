import Link from "next/link";
import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/guards";
import { FILTER_LABELS, FILTERS, listSubscribers, parseSubscriberQuery, subscribersHref } from "@/lib/staff/subscribers";
import { currentPolicy } from "@/lib/access/policy";
import { STATUS_LABELS } from "@/lib/staff/format";
import { formatDate, formatNumber } from "@/lib/format";
import { Pagination } from "@/components/site/pagination";
import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/notice";
import { ImportForm } from "@/components/admin/import-form";
import { importMembersAction } from "./actions";
import "../admin.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Subscribers", robots: { index: false } };

export default async function SubscribersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff("/admin/subscribers");
  const query = parseSubscriberQuery(await searchParams);
  const list = await listSubscribers(query, currentPolicy());
  const exportHref = subscribersHref({ q: query.q, status: query.status }, "/admin/subscribers/export.csv");
  return (
    <div className="wrap admin-page">
      <h1>Subscribers</h1>

      <form className="toolbar" method="get" action="/admin/subscribers" role="search">
        <label>
          Search by email
          <input type="search" name="q" defaultValue={query.q} maxLength={254} autoComplete="off" />
        </label>
        {query.status !== "all" ? <input type="hidden" name="status" value={query.status} /> : null}
        <button className="button secondary" type="submit">
          Search
        </button>
        {query.q ? (
          <Link className="link-quiet" href={subscribersHref({ status: query.status })}>
            Clear search
          </Link>
        ) : null}
        <a className="button secondary push-right" href={exportHref} download>
          Export CSV
        </a>
      </form>

      <nav className="chips" aria-label="Filter by status">
        {FILTERS.map((f) => (
          <Link key={f} href={subscribersHref({ q: query.q, status: f })} aria-current={f === query.status ? "page" : undefined}>
            {FILTER_LABELS[f]}
          </Link>
        ))}
      </nav>

      <p className="meta result-count" role="status">
        {formatNumber(list.total)} {list.total === 1 ? "member" : "members"}
        {query.status !== "all" ? ` · ${FILTER_LABELS[query.status]}` : ""}
        {query.q ? ` · matching “${query.q}”` : ""}
      </p>

      <DataTable
        caption="Members, newest first"
        rows={list.items}
        rowKey={(m) => m.id}
        empty={<Notice tone="info">No members match.</Notice>}
        columns={[
          {
            header: "Email",
            rowHeader: true,
            cell: (m) => (
              <>
                <Link href={`/admin/subscribers/${m.id}`}>{m.email}</Link>
                {m.name ? <span className="meta block">{m.name}</span> : null}
              </>
            ),
          },
          { header: "Status", cell: (m) => <span className={`status status-${m.status}`}>{STATUS_LABELS[m.status]}</span> },
          { header: "Plan", cell: (m) => m.plan || <span className="meta">—</span> },
          { header: "Since", cell: (m) => <time dateTime={m.since.toISOString()}>{formatDate(m.since)}</time> },
        ]}
      />
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(n) => subscribersHref({ ...query, page: n })} />

      <section className="admin-section" aria-labelledby="import-title">
        <h2 id="import-title" className="admin-section-title">
          Import free members
        </h2>
        <ImportForm action={importMembersAction} />
      </section>
    </div>
  );
}
