import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { HomeArchive, homeHref } from "@/components/site/home-archive";
import { archiveFiltersOfSegments } from "@/lib/risk/archive-segments";
import { listVectors } from "@/lib/risk/taxonomy";

// The home page filtered by ?vector= and ?level= (next.config.ts rewrites the query into these
// segments), so each filtered list is cached per URL like the home page itself.
export const revalidate = 5;
export const dynamicParams = true;
export function generateStaticParams(): { page: string; vector: string; level: string }[] {
  return [];
}

type Props = { params: Promise<{ page: string; vector: string; level: string }> };
const Page = z.coerce.number().int().min(1).max(10_000);

async function parse(params: Props["params"]) {
  const p = await params;
  const page = Page.safeParse(p.page);
  const vectors = await listVectors({ include: "all" });
  const filters = archiveFiltersOfSegments(p, vectors);
  return page.success && filters.ok ? { page: page.data, filters: filters.filters, vectors } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = await parse(params);
  if (!parsed) return { title: "Unknown filter" };
  return { title: `Latest analysis, filtered`, alternates: { canonical: homeHref(parsed.page, parsed.filters) }, robots: { index: false } };
}

export default async function FilteredHomePage({ params }: Props) {
  const parsed = await parse(params);
  if (!parsed) notFound();
  return <HomeArchive page={parsed.page} filters={parsed.filters} vectors={parsed.vectors} />;
}
