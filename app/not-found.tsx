import type { Metadata } from "next";
import Link from "next/link";
import { MoreAnalysis } from "@/components/site/more-analysis";
import { SearchForm } from "@/components/site/search-form";
import { SiteChrome } from "@/components/site/site-chrome";
import { latestPiecesExcept, listCategories } from "@/lib/pieces/queries";
import { MORE_COUNT } from "@/lib/site";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

// The one 404 of the whole app (unknown URLs and notFound() alike), in the site's chrome.
// `next build` prerenders the fallback for unknown URLs without a database: that copy carries the
// chrome and the search, not the latest pieces; a notFound() at request time carries all of it.
const building = () => process.env.NEXT_PHASE === "phase-production-build";

export default async function NotFound() {
  const [categories, latest] = building() ? [[], []] : await Promise.all([listCategories(), latestPiecesExcept(null, MORE_COUNT)]);
  return (
    <SiteChrome categories={categories}>
      <div className="wrap narrow not-found">
        <h1>We couldn’t find that page</h1>
        <p>The address may be mistyped, or the piece may have moved or been unpublished. Search for it, or read the latest.</p>
        <SearchForm />
        <MoreAnalysis pieces={latest} title="Latest analysis" />
        <p>
          <Link className="button secondary" href="/">
            Go to the front page
          </Link>
        </p>
      </div>
    </SiteChrome>
  );
}
