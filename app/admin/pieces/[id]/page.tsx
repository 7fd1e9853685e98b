import { uploadImageAction } from "../media-actions";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PieceEditor } from "@/components/admin/piece-editor";
import { requireStaff } from "@/lib/auth/guards";
import { listCategories } from "@/lib/categories/store";
import { editorValues } from "@/lib/publishing/editor-values";
import { sendIdOfPiece } from "@/lib/publishing/queries";
import { readPieceForEditing } from "@/lib/pieces/editing";
import { currentPolicy } from "@/lib/access/policy";
import { SendProgress } from "@/components/admin/send-progress";
import { Notice } from "@/components/ui/notice";
import { sendProgress } from "@/lib/newsletter/progress";
import { countAudienceAction, previewAction, savePieceAction, sendTestEmailAction } from "../actions";
import { defaultMailAudience } from "@/lib/staff/settings";
import { listBylineChoices } from "@/lib/staff/profiles";
import { readAssessmentForEditing } from "@/lib/pieces/risk";
import { assessmentState } from "@/lib/risk/editor-state";
import { listTags, listVectors } from "@/lib/risk/taxonomy";
import { SignalStatusPanel } from "@/components/admin/signal-status-panel";
import { changeSignalStatusAction } from "../signal-actions";
import { autosaveAction } from "../revision-actions";
import { pieceHref } from "@/lib/site";
import { formatDate } from "@/lib/format";

export const metadata = { title: "Edit piece" };

const SAVED: Record<string, string> = {
  draft: "Draft saved.",
  publish: "Published. It is on the front page now.",
  schedule: "Scheduled. It will publish at its time.",
  unpublish: "Unpublished. Readers no longer see it.",
  restore: "Restored the earlier version.",
};

export default async function EditPiecePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; test?: string }> }) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const staff = await requireStaff(`/admin/pieces/${id}`);
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) notFound();
  const piece = await readPieceForEditing(staff, parsed.data, currentPolicy());
  if (!piece) notFound();
  const categories = (await listCategories()).map((c) => c.name);
  const assessment = await readAssessmentForEditing(staff, piece, currentPolicy());
  // Retired terms leave the choices, except those this piece already carries.
  const [vectors, tags, defaultAudience, authors] = await Promise.all([
    listVectors({ include: "active", keep: assessment?.vectors.map((v) => v.slug) }),
    listTags({ include: "active", keep: assessment?.exposures.map((e) => e.id) }),
    defaultMailAudience(),
    listBylineChoices(),
  ]);
  const sendId = await sendIdOfPiece(piece.id);
  const progress = sendId ? await sendProgress(sendId) : null;
  return (
    <div className="wrap">
      <p className="meta">
        <Link href="/admin/pieces">← All pieces</Link>
      </p>
      <h1>Edit piece</h1>
      <p className="meta" data-testid="piece-status">
        Status: <strong>{piece.status}</strong>
        {piece.publishAt ? ` · ${piece.status === "scheduled" ? "publishes" : "published"} ${formatDate(piece.publishAt)} ${piece.publishAt.toISOString().slice(11, 16)} UTC` : null}
        {piece.status === "published" ? (
          <>
            {" "}
            · <Link href={pieceHref(piece.slug)}>View on the site</Link>
          </>
        ) : null}
      </p>
      {sp.saved && SAVED[sp.saved] ? (
        <Notice>{SAVED[sp.saved]}</Notice>
      ) : null}
      {sendId && progress ? (
        <section className="notice" aria-label="Newsletter send">
          <strong>Newsletter:</strong> <SendProgress sendId={sendId} initial={progress} />{" "}
          <Link href={`/admin/sends/${sendId}`}>Details</Link>
        </section>
      ) : null}
      <p className="meta">
        <Link href={`/admin/pieces/${piece.id}/preview`}>Preview the page and the mail as readers get them</Link>
        {" · "}
        <Link href={`/admin/pieces/${piece.id}/history`}>History</Link>
      </p>
      <form action={sendTestEmailAction} className="toolbar">
        <input type="hidden" name="id" value={piece.id} />
        <button className="button secondary" type="submit">
          Send test email
        </button>
        {sp.test === "sent" ? <span role="status">Test email sent to you.</span> : null}
        {sp.test === "refused" ? <span role="alert" className="field-error">Test mails go to staff addresses only.</span> : null}
      </form>
      {piece.status === "published" && assessment && assessment.signals.length > 0 ? (
        <SignalStatusPanel pieceId={piece.id} signals={assessment.signals} action={changeSignalStatusAction} />
      ) : null}
      <PieceEditor
        key={piece.updatedAt.toISOString() + (assessment?.signals.map((s) => s.status).join() ?? "")}
        initial={editorValues(piece)}
        newsroom={{ defaultAudience, countAudience: countAudienceAction, authors }}
        categories={categories}
        risk={{ initial: assessmentState(assessment), options: { vectors, tags } }}
        save={savePieceAction}
        autosave={autosaveAction}
        upload={uploadImageAction}
        renderPreview={previewAction}
      />
    </div>
  );
}
