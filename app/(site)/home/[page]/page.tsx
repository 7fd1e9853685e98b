import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { HomeArchive, homeHref } from "@/components/site/home-archive";
import { siteConfig } from "@/lib/env";
import { listVectors } from "@/lib/risk/taxonomy";

// Tags drop a page the moment its piece changes (lib/publishing/invalidation.ts); the short lifetime
// bounds what a CDN keeps (Cache-Control: s-maxage=5, next.config.ts) and any change that slipped by.
export const revalidate = 5;
export const dynamicParams = true;
export function generateStaticParams(): { page: string }[] {
  return [];
}

const Params = z.object({ page: z.coerce.number().int().min(1).max(10_000) });

export async function generateMetadata({ params }: { params: Promise<{ page: string }> }): Promise<Metadata> {
  const parsed = Params.safeParse(await params);
  const site = siteConfig();
  const page = parsed.success ? parsed.data.page : 1;
  return {
    title: page === 1 ? { absolute: `${site.name}: ${site.tagline}` } : `Latest analysis, page ${page}`,
    alternates: { canonical: homeHref(page) },
  };
}

export default async function HomePage({ params }: { params: Promise<{ page: string }> }) {
  const parsed = Params.safeParse(await params);
  if (!parsed.success) notFound();
  return <HomeArchive page={parsed.data.page} filters={{}} vectors={await listVectors({ include: "all" })} />;
}
