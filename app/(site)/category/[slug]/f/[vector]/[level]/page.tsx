import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { CategoryArchive } from "@/components/site/category-archive";
import { redirectedCategorySlug } from "@/lib/categories/store";
import { listCategories } from "@/lib/pieces/queries";
import { archiveFiltersOfSegments, filteredCategoryHref } from "@/lib/risk/archive-segments";
import { listVectors } from "@/lib/risk/taxonomy";

// A category filtered by ?vector= and ?level= (next.config.ts rewrites the query into these
// segments), so each filtered list is cached per URL like the category page itself.
export const revalidate = 5;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string; vector: string; level: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string; vector: string; level: string }> };

async function parse(params: Props["params"]) {
  const p = await params;
  const [category, vectors] = await Promise.all([listCategories().then((cs) => cs.find((c) => c.slug === p.slug) ?? null), listVectors({ include: "all" })]);
  const filters = archiveFiltersOfSegments(p, vectors);
  return category && filters.ok ? { category, filters: filters.filters, vectors } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = await parse(params);
  return parsed ? { title: `${parsed.category.name}, filtered`, robots: { index: false } } : { title: "Unknown filter" };
}

export default async function FilteredCategoryPage({ params }: Props) {
  const parsed = await parse(params);
  if (!parsed) {
    // A renamed or merged category's old address keeps its filter on the new one.
    const p = await params;
    const moved = await redirectedCategorySlug(p.slug.toLowerCase());
    if (moved) permanentRedirect(filteredCategoryHref(moved, p));
    notFound();
  }
  return <CategoryArchive category={parsed.category} filters={parsed.filters} vectors={parsed.vectors} />;
}
