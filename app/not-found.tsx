import type { Metadata } from "next";
import Link from "next/link";
import { LatestAnalysis } from "@/components/site/latest-analysis";
import { SearchForm } from "@/components/site/search-form";
import { SiteChrome } from "@/components/site/site-chrome";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

// The one 404 of the whole app (unknown URLs and notFound() alike), in the site's chrome. Next renders
// it into every page's payload as the not-found boundary, so it reads no database: the latest pieces
// come from /api/latest in the browser, and the masthead leaves out the sections list.
export default function NotFound() {
  return (
    <SiteChrome categories={[]}>
      <div className="wrap narrow not-found">
        <h1>We couldn’t find that page</h1>
        <p>The address may be mistyped, or the piece may have moved or been unpublished. Search for it, or read the latest.</p>
        <SearchForm />
        <LatestAnalysis />
        <p>
          <Link className="button secondary" href="/">
            Go to the front page
          </Link>
        </p>
      </div>
    </SiteChrome>
  );
}
