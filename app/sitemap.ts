import type { MetadataRoute } from "next";
import { listCategories, listPublishedSlugs } from "@/lib/pieces/queries";
import { absoluteUrl, categoryHref, pieceHref } from "@/lib/site";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [pieces, categories] = await Promise.all([listPublishedSlugs(), listCategories()]);
  return [
    { url: absoluteUrl("/"), changeFrequency: "daily", priority: 1 },
    ...categories.map((c) => ({ url: absoluteUrl(categoryHref(c.slug)), changeFrequency: "daily" as const, priority: 0.6 })),
    ...pieces.map((p) => ({ url: absoluteUrl(pieceHref(p.slug)), lastModified: p.updatedAt, priority: 0.8 })),
  ];
}
