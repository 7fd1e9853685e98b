import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PreviewBoard } from "@/components/admin/preview-board";
import { requireStaff } from "@/lib/auth/guards";
import { previewPieceMail } from "@/lib/newsletter/mail-preview";
import { readPieceWithoutAnalysis } from "@/lib/pieces/editing";
import { PREVIEW_READERS } from "@/lib/pieces/preview";

export const dynamic = "force-dynamic";
export const metadata = { title: "Preview piece" };

const Query = z.object({
  as: z.enum(PREVIEW_READERS).catch("anonymous"),
  width: z.enum(["desktop", "phone"]).catch("desktop"),
});

export default async function PiecePreviewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const staff = await requireStaff(`/admin/pieces/${id}/preview`);
  const pieceId = z.uuid().safeParse(id);
  if (!pieceId.success) notFound();
  const [piece, mail] = await Promise.all([readPieceWithoutAnalysis(pieceId.data), previewPieceMail(staff, pieceId.data)]);
  if (!piece || !mail) notFound();
  const { as, width } = Query.parse(sp);
  return (
    <div className="wrap">
      <p className="meta">
        <Link href={`/admin/pieces/${piece.id}`}>← Back to the editor</Link>
      </p>
      <h1>Preview: {piece.headline}</h1>
      <p className="meta" data-testid="piece-status">
        Status: <strong>{piece.status}</strong> · as saved; save the editor’s changes to see them here.
      </p>
      <PreviewBoard pieceId={piece.id} reader={as} width={width} mail={mail} />
    </div>
  );
}
