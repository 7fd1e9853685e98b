import { ArchiveFilters, describeFilters } from "@/components/site/archive-filters";
import { TeaserCard } from "@/components/site/teaser-card";
import { tagPage } from "@/lib/cache/page-tags";
import { TAXONOMY_TAG, categoryTag } from "@/lib/cache/tags";
import { listPublished, type CategorySummary } from "@/lib/pieces/queries";
import type { ArchiveFilters as Filters } from "@/lib/risk/filters";
import type { VectorOption } from "@/lib/risk/taxonomy";
import { categoryHref } from "@/lib/site";

/** A category's pieces, optionally filtered by vector and level (the public hook only). */
export async function CategoryArchive({ category, filters, vectors }: { category: CategorySummary; filters: Filters; vectors: VectorOption[] }) {
  await tagPage(categoryTag(category.slug), TAXONOMY_TAG);
  const result = await listPublished({ page: 1, pageSize: 50, categorySlug: category.slug, filters });
  const filtered = describeFilters(filters, vectors);
  return (
    <div className="wrap narrow">
      <h1 className="section-title">{filtered ? `${category.name}: ${filtered}` : category.name}</h1>
      {category.description ? <p className="category-description">{category.description}</p> : null}
      <ArchiveFilters basePath={categoryHref(category.slug)} filters={filters} vectors={vectors} />
      {result.items.length === 0 ? <p role="status">No published piece matches these filters.</p> : null}
      <ul className="teaser-list">
        {result.items.map((p) => (
          <TeaserCard key={p.id} piece={p} />
        ))}
      </ul>
    </div>
  );
}
