import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { CategoryArchive } from "@/components/site/category-archive";
import { redirectedCategorySlug } from "@/lib/categories/store";
import { findCategory } from "@/lib/pieces/queries";
import { listVectors } from "@/lib/risk/taxonomy";
import { categoryHref } from "@/lib/site";

// Tags drop a page the moment its piece changes (lib/publishing/invalidation.ts); the short lifetime
// bounds what a CDN keeps (Cache-Control: s-maxage=5, next.config.ts) and any change that slipped by.
export const revalidate = 5;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = await findCategory((await params).slug);
  if (!category) return { title: "Not found" };
  return {
    title: category.name,
    description: category.description || `Latest ${category.name} analysis.`,
    alternates: { canonical: categoryHref(category.slug) },
  };
}

export default async function CategoryPage({ params }: Props) {
  const { slug } = await params;
  const category = await findCategory(slug);
  if (!category) {
    // A renamed or merged category's old address.
    const moved = await redirectedCategorySlug(slug.toLowerCase());
    if (moved) permanentRedirect(categoryHref(moved));
    notFound();
  }
  // "/category/Markets" and the like: one address per category, the lowercase one.
  if (slug !== category.slug) permanentRedirect(categoryHref(category.slug));
  return <CategoryArchive category={category} filters={{}} vectors={await listVectors({ include: "all" })} />;
}
