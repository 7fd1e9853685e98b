import Link from "next/link";

export function Pagination({
  page,
  pageCount,
  hrefFor,
  labels = { prev: "← Newer", next: "Older →" },
}: {
  page: number;
  pageCount: number;
  hrefFor: (n: number) => string;
  labels?: { prev: string; next: string };
}) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pagination">
      {page > 1 ? <Link href={hrefFor(page - 1)} rel="prev">{labels.prev}</Link> : <span />}
      <span className="meta">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link href={hrefFor(page + 1)} rel="next">{labels.next}</Link> : <span />}
    </nav>
  );
}
