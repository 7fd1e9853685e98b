import type { Metadata } from "next";
import { markdownToText, truncate } from "./markdown";
import type { PieceTeaser } from "@/lib/pieces/queries";
import { ogImageHref, pieceHref } from "@/lib/site";

/** The teaser's first sentence (at most 160 characters): meta description, Open Graph, JSON-LD. */
export function pieceDescription(piece: PieceTeaser): string {
  const text = markdownToText(piece.teaser);
  const first = text.match(/^.+?[.!?](?=\s|$)/)?.[0] ?? text;
  return truncate(first, 160);
}

/** Page metadata for a piece, from its public fields only. */
export function pieceMetadata(piece: PieceTeaser): Metadata {
  const description = pieceDescription(piece);
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
    // X/Twitter falls back to the og: tags; only the card type is its own.
    twitter: { card: "summary_large_image" },
  };
}
