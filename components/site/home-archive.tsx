import { notFound } from "next/navigation";
import { ArchiveFilters, describeFilters } from "@/components/site/archive-filters";
import { SubscribeBox } from "@/components/site/subscribe-box";
import { Pagination } from "@/components/site/pagination";
import { TeaserCard } from "@/components/site/teaser-card";
import { tagPage } from "@/lib/cache/page-tags";
import { HOME_TAG, TAXONOMY_TAG } from "@/lib/cache/tags";
import { listPublished } from "@/lib/pieces/queries";
import { filterQuery, type ArchiveFilters as Filters } from "@/lib/risk/filters";
import type { VectorOption } from "@/lib/risk/taxonomy";
import { HOME_PAGE_SIZE } from "@/lib/site";

export const homeHref = (n: number, filters: Filters = {}) => `${n === 1 ? "/" : `/page/${n}`}${filterQuery({ vector: filters.vector, level: filters.level })}`;

/** The home page's list of pieces, page `page`, optionally filtered by vector and level (the public hook only). */
export async function HomeArchive({ page, filters, vectors }: { page: number; filters: Filters; vectors: VectorOption[] }) {
  const [result] = await Promise.all([listPublished({ page, pageSize: HOME_PAGE_SIZE, filters }), tagPage(HOME_TAG, TAXONOMY_TAG)]);
  const filtered = describeFilters(filters, vectors);
  if (page > result.pageCount) notFound();
  return (
    <div className="wrap home-grid">
      <section aria-labelledby="latest">
        <h1 id="latest" className="section-title">
          {filtered ? `Latest analysis: ${filtered}` : "Latest analysis"}
        </h1>
        <ArchiveFilters basePath="/" filters={filters} vectors={vectors} />
        {result.items.length === 0 ? (
          <p role="status">{filtered ? "No published piece matches these filters." : "Nothing published yet."}</p>
        ) : (
          <ul className="teaser-list">
            {result.items.map((p) => (
              <TeaserCard key={p.id} piece={p} />
            ))}
          </ul>
        )}
        <Pagination page={page} pageCount={result.pageCount} hrefFor={(n) => homeHref(n, filters)} />
      </section>
      <div>
        <SubscribeBox />
      </div>
    </div>
  );
}
