import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleJsonLd } from "@/components/site/article-json-ld";
import { PieceArticle } from "@/components/site/piece-article";
import { pieceMetadata } from "@/lib/pieces/metadata";
import { pieceForViewer, publishedPiece } from "@/lib/pieces/reading";
import { riskOfPiece } from "@/lib/pieces/risk";
import { currentReader } from "@/lib/auth/viewer";
import { followKeysOf } from "@/lib/risk/follows";
import { followAction, unfollowAction } from "../../account/actions";
import { latestPiecesExcept } from "@/lib/pieces/queries";
import { priceLine } from "@/lib/billing/price-line";
import { viewerCategory } from "@/lib/access/rule";
import { currentPolicy } from "@/lib/access/policy";
import { MORE_COUNT } from "@/lib/site";

export const dynamic = "force-dynamic";

// The signed-in edition of /p/[slug]: rendered per request (private, no-store) for the viewer.
type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const piece = await publishedPiece((await params).slug);
  return piece ? pieceMetadata(piece) : { title: "Not found" };
}

export default async function ReaderPiecePage({ params }: Props) {
  const [{ slug }, viewer] = await Promise.all([params, currentReader()]);
  const view = await pieceForViewer(slug, viewer);
  if (!view) notFound();
  const [risk, followed, price, more] = await Promise.all([
    riskOfPiece(view.piece, viewer),
    viewer.kind === "member" ? followKeysOf(viewer.userId) : Promise.resolve(null),
    priceLine(),
    latestPiecesExcept(slug, MORE_COUNT),
  ]);
  const follow = followed ? { pieceId: view.piece.id, slug: view.piece.slug, followed, followAct: followAction, unfollowAct: unfollowAction } : undefined;
  const category = viewerCategory(viewer, currentPolicy());
  return (
    <>
      <ArticleJsonLd piece={view.piece} />
      <PieceArticle {...view} risk={risk} viewer={category} price={price} more={more} {...(follow ? { follow } : {})} />
    </>
  );
}
