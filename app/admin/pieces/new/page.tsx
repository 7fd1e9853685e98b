import { PieceEditor } from "@/components/admin/piece-editor";
import { previewAction, savePieceAction } from "../actions";
import { requireStaff } from "@/lib/auth/guards";
import { listCategories } from "@/lib/pieces/queries";
import { BLANK_PIECE } from "@/lib/publishing/editor-values";

export const metadata = { title: "New piece" };

export default async function NewPiecePage() {
  await requireStaff("/admin/pieces/new");
  const categories = (await listCategories()).map((c) => c.name);
  return (
    <div className="wrap">
      <h1>New piece</h1>
      <PieceEditor initial={BLANK_PIECE} categories={categories} save={savePieceAction} renderPreview={previewAction} />
    </div>
  );
}
