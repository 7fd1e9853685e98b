import Link from "next/link";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/guards";
import { listPiecesForStaff, STATUSES } from "@/lib/publishing/queries";
import { formatDate } from "@/lib/format";
import { DataTable } from "@/components/ui/data-table";

export const metadata = { title: "Pieces" };

const Query = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
});

export default async function PiecesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff("/admin/pieces");
  const q = Query.parse(await searchParams);
  const rows = await listPiecesForStaff({ status: q.status, q: q.q || undefined });
  const href = (status?: string) => `/admin/pieces${status ? `?status=${status}` : ""}${q.q ? `${status ? "&" : "?"}q=${encodeURIComponent(q.q)}` : ""}`;
  return (
    <div className="wrap">
      <div className="toolbar" style={{ justifyContent: "space-between" }}>
        <h1>Pieces</h1>
        <Link className="button" href="/admin/pieces/new">
          New piece
        </Link>
      </div>
      <form className="toolbar" role="search">
        {q.status ? <input type="hidden" name="status" value={q.status} /> : null}
        <label>
          Search pieces
          <input type="search" name="q" defaultValue={q.q ?? ""} />
        </label>
        <button className="button secondary" type="submit">
          Search
        </button>
      </form>
      <nav className="chips" aria-label="Filter by status">
        <Link href={href()} aria-current={!q.status ? "page" : undefined}>
          All
        </Link>
        {STATUSES.map((s) => (
          <Link key={s} href={href(s)} aria-current={q.status === s ? "page" : undefined}>
            {s[0]!.toUpperCase() + s.slice(1)}
          </Link>
        ))}
      </nav>
      <DataTable
        caption={`${rows.length} piece${rows.length === 1 ? "" : "s"}`}
        showCaption
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { header: "Headline", cell: (r) => <Link href={`/admin/pieces/${r.id}`}>{r.headline}</Link> },
          { header: "Category", cell: (r) => r.category },
          { header: "Status", cell: (r) => r.status },
          { header: "Visibility", cell: (r) => r.visibility },
          {
            header: "Publish time",
            cell: (r) => (r.publishAt ? `${formatDate(r.publishAt)} ${r.publishAt.toISOString().slice(11, 16)}` : "—"),
          },
          { header: "Updated", cell: (r) => formatDate(r.updatedAt) },
        ]}
      />
    </div>
  );
}
