import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleJsonLd } from "@/components/site/article-json-ld";
import { PieceArticle } from "@/components/site/piece-article";
import { ANONYMOUS } from "@/lib/access/rule";
import { tagPage } from "@/lib/cache/page-tags";
import { TAXONOMY_TAG, pieceTag } from "@/lib/cache/tags";
import { MORE_COUNT } from "@/lib/site";
import { pieceMetadata } from "@/lib/pieces/metadata";
import { pieceForViewer, publishedPiece } from "@/lib/pieces/reading";
import { riskOfPiece } from "@/lib/pieces/risk";
import { latestPiecesExcept } from "@/lib/pieces/queries";
import { priceLine } from "@/lib/billing/price-line";
import { followAction, unfollowAction } from "../../account/actions";

// Every reader's page of a piece: the anonymous edition, static and cached, refreshed on publish. Its
// island (components/site/reader-edition.tsx) asks /api/read/[slug] what a signed-in viewer gets, so
// the page is the same for everyone and the analysis leaves only in that private, no-store answer.
// Tags drop a page the moment its piece changes (lib/publishing/invalidation.ts); the short lifetime
// bounds what a CDN keeps (Cache-Control: s-maxage=5, next.config.ts) and any change that slipped by.
export const revalidate = 5;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const piece = await publishedPiece((await params).slug);
  return piece ? pieceMetadata(piece) : { title: "Not found" };
}

export default async function AnonymousPiecePage({ params }: Props) {
  const { slug } = await params;
  const view = await pieceForViewer(slug, ANONYMOUS);
  if (!view) notFound();
  // Only after the 404: an unknown slug must leave nothing in the cache.
  await tagPage(pieceTag(slug), TAXONOMY_TAG);
  const [risk, price, more] = await Promise.all([riskOfPiece(view.piece, ANONYMOUS), priceLine(), latestPiecesExcept(slug, MORE_COUNT)]);
  return (
    <>
      <ArticleJsonLd piece={view.piece} />
      <PieceArticle {...view} risk={risk} viewer="anonymous" price={price} more={more} live={{ followAct: followAction, unfollowAct: unfollowAction }} />
    </>
  );
}
