import { uploadImageAction } from "../media-actions";
import { PieceEditor } from "@/components/admin/piece-editor";
import { countAudienceAction, previewAction, savePieceAction } from "../actions";
import { defaultMailAudience } from "@/lib/staff/settings";
import { listBylineChoices } from "@/lib/staff/profiles";
import { requireStaff } from "@/lib/auth/guards";
import { listCategories } from "@/lib/categories/store";
import { BLANK_PIECE } from "@/lib/publishing/editor-values";
import { BLANK_ASSESSMENT } from "@/lib/risk/editor-state";
import { listTags, listVectors } from "@/lib/risk/taxonomy";

export const metadata = { title: "New piece" };

export default async function NewPiecePage() {
  const staff = await requireStaff("/admin/pieces/new");
  const categories = (await listCategories()).map((c) => c.name);
  const [vectors, tags, defaultAudience, authors] = await Promise.all([listVectors(), listTags(), defaultMailAudience(), listBylineChoices()]);
  return (
    <div className="wrap">
      <h1>New piece</h1>
      <PieceEditor
        initial={{ ...BLANK_PIECE, authorId: staff.userId }}
        newsroom={{ defaultAudience, countAudience: countAudienceAction, authors }}
        categories={categories}
        risk={{ initial: BLANK_ASSESSMENT, options: { vectors, tags } }}
        save={savePieceAction}
        upload={uploadImageAction}
        renderPreview={previewAction}
      />
    </div>
  );
}
