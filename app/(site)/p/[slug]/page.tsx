import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleJsonLd } from "@/components/site/article-json-ld";
import { PieceArticle } from "@/components/site/piece-article";
import { ANONYMOUS } from "@/lib/access/rule";
import { pieceMetadata } from "@/lib/pieces/metadata";
import { pieceForViewer, publishedPiece } from "@/lib/pieces/reading";
import { riskOfPiece } from "@/lib/pieces/risk";

// The anonymous edition of a piece: static, cached, refreshed on publish. Requests with a
// session cookie are rewritten to /read/[slug] (next.config.ts), which looks at the viewer.
export const revalidate = 3600;
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
  const view = await pieceForViewer((await params).slug, ANONYMOUS);
  if (!view) notFound();
  const risk = await riskOfPiece(view.piece, ANONYMOUS);
  return (
    <>
      <ArticleJsonLd piece={view.piece} />
      <PieceArticle {...view} risk={risk} />
    </>
  );
}
