import type { Metadata } from "next";
import { markdownToText, truncate } from "./markdown";
import type { PieceTeaser } from "./pieces";
import { ogImageHref, pieceHref } from "./site";

/** Page metadata for a piece, from its public fields only. */
export function pieceMetadata(piece: PieceTeaser): Metadata {
  const description = truncate(markdownToText(piece.teaser), 200);
  return {
    title: piece.headline,
    description,
    alternates: { canonical: pieceHref(piece.slug) },
    openGraph: {
      type: "article",
      title: piece.headline,
      description,
      url: pieceHref(piece.slug),
      publishedTime: piece.publishedAt.toISOString(),
      modifiedTime: piece.updatedAt.toISOString(),
      section: piece.category,
      images: [{ url: ogImageHref(piece.slug), width: 1200, height: 630, alt: piece.headline }],
    },
    twitter: { card: "summary_large_image", title: piece.headline, description, images: [ogImageHref(piece.slug)] },
  };
}
