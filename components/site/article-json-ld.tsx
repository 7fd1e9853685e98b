import { siteConfig } from "@/lib/env";
import { pieceDescription } from "@/lib/pieces/metadata";
import type { PieceTeaser } from "@/lib/pieces/queries";
import { absoluteUrl, ogImageHref, pieceHref } from "@/lib/site";

/** The gated sections of a piece page: the full analysis and the whole risk assessment (components/site/risk-card.tsx). */
const GATED_SECTIONS = [".analysis-body", ".risk-gated"];

/** NewsArticle structured data. Built from teaser fields only. */
export function ArticleJsonLd({ piece }: { piece: PieceTeaser }) {
  const site = siteConfig();
  const free = piece.visibility === "public";
  const data = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: piece.headline,
    description: pieceDescription(piece),
    datePublished: piece.publishedAt.toISOString(),
    dateModified: piece.updatedAt.toISOString(),
    articleSection: piece.category,
    mainEntityOfPage: absoluteUrl(pieceHref(piece.slug)),
    image: absoluteUrl(ogImageHref(piece.slug)),
    author: piece.authorName ? { "@type": "Person", name: piece.authorName } : { "@type": "Organization", name: site.name },
    publisher: { "@type": "Organization", name: site.name, url: site.appUrl },
    isAccessibleForFree: free,
    // One WebPageElement per gated section, as Google's paywalled-content markup lists several.
    ...(free ? {} : { hasPart: GATED_SECTIONS.map((cssSelector) => ({ "@type": "WebPageElement", isAccessibleForFree: false, cssSelector })) }),
  };
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
