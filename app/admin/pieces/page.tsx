import Link from "next/link";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/guards";
import { listPiecesForStaff, STATUSES } from "@/lib/publishing/queries";
import { formatDate } from "@/lib/site";

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
      <div className="table-wrap">
        <table className="table">
          <caption className="meta" style={{ textAlign: "left", padding: "0.75rem 0" }}>
            {rows.length} piece{rows.length === 1 ? "" : "s"}
          </caption>
          <thead>
            <tr>
              <th scope="col">Headline</th>
              <th scope="col">Category</th>
              <th scope="col">Status</th>
              <th scope="col">Visibility</th>
              <th scope="col">Publish time</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/admin/pieces/${r.id}`}>{r.headline}</Link>
                </td>
                <td>{r.category}</td>
                <td>{r.status}</td>
                <td>{r.visibility}</td>
                <td>{r.publishAt ? `${formatDate(r.publishAt)} ${r.publishAt.toISOString().slice(11, 16)}` : "—"}</td>
                <td>{formatDate(r.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
