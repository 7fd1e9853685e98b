import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { KIND_LABELS } from "@/components/admin/revision-list";
import { RevisionView } from "@/components/admin/revision-view";
import { Notice } from "@/components/ui/notice";
import { requireStaff } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/format";
import { readRevision } from "@/lib/revisions/history";
import { restoreRevisionAction } from "../../../revision-actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Revision" };

const Query = z.object({ confirm: z.literal("1").optional().catch(undefined), refused: z.literal("1").optional().catch(undefined) });

export default async function RevisionPage({ params, searchParams }: { params: Promise<{ id: string; revisionId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ id, revisionId }, sp] = await Promise.all([params, searchParams]);
  const staff = await requireStaff(`/admin/pieces/${id}/history/${revisionId}`);
  const ids = z.object({ id: z.uuid(), revisionId: z.uuid() }).safeParse({ id, revisionId });
  if (!ids.success) notFound();
  const revision = await readRevision(staff, ids.data.id, ids.data.revisionId);
  if (!revision) notFound();
  const { confirm, refused } = Query.parse(sp);
  const here = `/admin/pieces/${revision.pieceId}/history/${revision.id}`;
  return (
    <div className="wrap">
      <p className="meta">
        <Link href={`/admin/pieces/${revision.pieceId}/history`}>← History</Link> · <Link href={`/admin/pieces/${revision.pieceId}`}>Editor</Link>
      </p>
      <h1>
        {KIND_LABELS[revision.kind]} · {formatDateTime(revision.createdAt)}
      </h1>
      <p className="meta">By {revision.authorName}.</p>
      {refused ? <Notice tone="error">This revision could not be restored: its fields no longer pass the editor’s checks (a slug now taken, perhaps). Open the editor to change them by hand.</Notice> : null}
      {confirm ? (
        <form action={restoreRevisionAction} className="notice" aria-labelledby="restore-question">
          <p id="restore-question">
            <strong>Restore this version?</strong> Its fields replace the piece’s current ones as a new save (a published piece changes on the site at once). The current version stays in the history.
          </p>
          <input type="hidden" name="pieceId" value={revision.pieceId} />
          <input type="hidden" name="revisionId" value={revision.id} />
          <div className="toolbar">
            <button className="button" type="submit">
              Restore this version
            </button>
            <Link className="button secondary" href={here}>
              Cancel
            </Link>
          </div>
        </form>
      ) : (
        <p>
          <Link className="button secondary" href={`${here}?confirm=1`}>
            Restore…
          </Link>
        </p>
      )}
      <RevisionView fields={revision.fields} />
    </div>
  );
}
