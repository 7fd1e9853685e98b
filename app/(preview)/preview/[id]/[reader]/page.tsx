import { notFound } from "next/navigation";
import { z } from "zod";
import { PieceArticle } from "@/components/site/piece-article";
import { SiteChrome } from "@/components/site/site-chrome";
import { ShowViewerAs } from "@/components/site/viewer-switch";
import { currentPolicy } from "@/lib/access/policy";
import { requireStaff } from "@/lib/auth/guards";
import { priceLine } from "@/lib/billing/price-line";
import { isPreviewReader, previewPieceAs } from "@/lib/pieces/preview";
import { latestPiecesExcept, listCategories } from "@/lib/pieces/queries";
import { MORE_COUNT } from "@/lib/site";
import { followAction, unfollowAction } from "../../../../(site)/account/actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Preview", robots: { index: false } };

/**
 * Staff only: a piece, draft or not, on the site's own page (chrome, article, paywall) as one kind of
 * reader gets it. Framed by /admin/pieces/[id]/preview; rendered per request, never cached.
 */
export default async function PiecePreviewFrame({ params }: { params: Promise<{ id: string; reader: string }> }) {
  const { id, reader } = await params;
  const staff = await requireStaff(`/preview/${id}/${reader}`);
  const pieceId = z.uuid().safeParse(id);
  if (!pieceId.success || !isPreviewReader(reader)) notFound();
  const view = await previewPieceAs(staff, pieceId.data, reader, currentPolicy());
  if (!view) notFound();
  const [categories, price, more] = await Promise.all([listCategories(), priceLine(), latestPiecesExcept(view.piece.slug, MORE_COUNT)]);
  const { risk, category, ...article } = view;
  // A signed-in reader's page has the follow buttons; in the preview they follow nothing yet.
  const follow = reader === "anonymous" ? {} : { follow: { pieceId: view.piece.id, slug: view.piece.slug, followed: new Set<string>(), followAct: followAction, unfollowAct: unfollowAction } };
  return (
    <ShowViewerAs category={category}>
      <SiteChrome categories={categories}>
        <PieceArticle {...article} risk={risk} viewer={category} price={price} more={more} {...follow} />
      </SiteChrome>
    </ShowViewerAs>
  );
}
