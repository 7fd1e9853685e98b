import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { SubscribeBox } from "@/components/site/subscribe-box";
import { Pagination } from "@/components/site/pagination";
import { TeaserCard } from "@/components/site/teaser-card";
import { tagPage } from "@/lib/cache/page-tags";
import { HOME_TAG } from "@/lib/cache/tags";
import { siteConfig } from "@/lib/env";
import { listPublished } from "@/lib/pieces/queries";
import { HOME_PAGE_SIZE } from "@/lib/site";

// Tags drop a page the moment its piece changes (lib/publishing/invalidation.ts); the short lifetime
// bounds what a CDN keeps (Cache-Control: s-maxage=5, next.config.ts) and any change that slipped by.
export const revalidate = 5;
export const dynamicParams = true;
export function generateStaticParams(): { page: string }[] {
  return [];
}

const Params = z.object({ page: z.coerce.number().int().min(1).max(10_000) });
const hrefFor = (n: number) => (n === 1 ? "/" : `/page/${n}`);

export async function generateMetadata({ params }: { params: Promise<{ page: string }> }): Promise<Metadata> {
  const parsed = Params.safeParse(await params);
  const site = siteConfig();
  const page = parsed.success ? parsed.data.page : 1;
  return {
    title: page === 1 ? { absolute: `${site.name}: ${site.tagline}` } : `Latest analysis, page ${page}`,
    alternates: { canonical: hrefFor(page) },
  };
}

export default async function HomePage({ params }: { params: Promise<{ page: string }> }) {
  const parsed = Params.safeParse(await params);
  if (!parsed.success) notFound();
  const { page } = parsed.data;
  const [result] = await Promise.all([listPublished({ page, pageSize: HOME_PAGE_SIZE }), tagPage(HOME_TAG)]);
  if (page > result.pageCount) notFound();
  return (
    <div className="wrap home-grid">
      <section aria-labelledby="latest">
        <h1 id="latest" className="section-title">
          Latest analysis
        </h1>
        {result.items.length === 0 ? (
          <p>Nothing published yet.</p>
        ) : (
          <ul className="teaser-list">
            {result.items.map((p) => (
              <TeaserCard key={p.id} piece={p} />
            ))}
          </ul>
        )}
        <Pagination page={page} pageCount={result.pageCount} hrefFor={hrefFor} />
      </section>
      <div>
        <SubscribeBox />
      </div>
    </div>
  );
}
