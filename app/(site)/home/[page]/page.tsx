import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { JoinAside } from "@/components/site/join-aside";
import { Pagination } from "@/components/site/pagination";
import { TeaserCard } from "@/components/site/teaser-card";
import { siteConfig } from "@/lib/env";
import { listPublished } from "@/lib/pieces/queries";
import { HOME_PAGE_SIZE } from "@/lib/site";

export const revalidate = 3600;
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
  const result = await listPublished({ page, pageSize: HOME_PAGE_SIZE });
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
        <JoinAside />
      </div>
    </div>
  );
}
