import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { RevisionList } from "@/components/admin/revision-list";
import { requireStaff } from "@/lib/auth/guards";
import { readPieceWithoutAnalysis } from "@/lib/pieces/editing";
import { listRevisions } from "@/lib/revisions/history";

export const dynamic = "force-dynamic";
export const metadata = { title: "Piece history" };

export default async function PieceHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requireStaff(`/admin/pieces/${id}/history`);
  const pieceId = z.uuid().safeParse(id);
  if (!pieceId.success) notFound();
  const piece = await readPieceWithoutAnalysis(pieceId.data);
  if (!piece) notFound();
  const revisions = await listRevisions(staff, piece.id);
  return (
    <div className="wrap">
      <p className="meta">
        <Link href={`/admin/pieces/${piece.id}`}>← Back to the editor</Link>
      </p>
      <h1>History: {piece.headline}</h1>
      <p className="meta">Every save, publish and restore, and the editor’s autosaves (one per author every two minutes). The newest 50 are kept.</p>
      <RevisionList pieceId={piece.id} revisions={revisions} />
    </div>
  );
}
