import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/site/pagination";
import { SearchForm } from "@/components/site/search-form";
import { SearchHitCard } from "@/components/site/search-hit";
import { currentPolicy } from "@/lib/access/policy";
import { currentViewer } from "@/lib/auth/viewer";
import { searchPieces } from "@/lib/pieces/search";
import { parseSearchParams, searchHref, SEARCH_PAGE_SIZE } from "@/lib/pieces/search-query";

// Results depend on the viewer (a subscriber's search reaches the analyses): rendered per request, never shared.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Search", robots: { index: false, follow: true } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: Props) {
  const parsed = parseSearchParams(await searchParams);
  const q = parsed.ok ? parsed.params.q : parsed.q;
  return (
    <div className="wrap narrow">
      <h1 className="section-title">Search</h1>
      <SearchForm q={q} autoFocus={q === ""} />
      {parsed.ok ? (
        q !== "" && <Results q={q} page={parsed.params.page} />
      ) : (
        <p className="notice error" role="alert">
          {parsed.error}
        </p>
      )}
    </div>
  );
}

async function Results({ q, page }: { q: string; page: number }) {
  const viewer = await currentViewer();
  const result = await searchPieces({ query: q, page, pageSize: SEARCH_PAGE_SIZE, viewer, policy: currentPolicy() });
  if (result.total === 0) {
    return (
      <p className="search-summary" role="status">
        Nothing found for “{q}”. Try other words, or fewer of them.
      </p>
    );
  }
  return (
    <>
      <p className="search-summary" role="status">
        {result.total === 1 ? "1 piece" : `${result.total} pieces`} found for “{q}”.
        {result.items.length === 0 && (
          <>
            {" "}
            Page {page} is past the last one: <Link href={searchHref(q, result.pageCount)}>go to page {result.pageCount}</Link>.
          </>
        )}
      </p>
      <ul className="teaser-list">
        {result.items.map((hit) => (
          <SearchHitCard key={hit.piece.id} hit={hit} />
        ))}
      </ul>
      {result.items.length > 0 && (
        <Pagination page={page} pageCount={result.pageCount} hrefFor={(n) => searchHref(q, n)} labels={{ prev: "← Previous", next: "More results →" }} />
      )}
    </>
  );
}
