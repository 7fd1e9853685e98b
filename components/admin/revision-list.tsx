import Link from "next/link";
import { DataTable, type Column } from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/format";
import type { RevisionKind } from "@/db/schema";
import type { RevisionListItem } from "@/lib/revisions/history";

export const KIND_LABELS: Record<RevisionKind, string> = {
  autosave: "Autosave",
  save: "Save",
  publish: "Publish",
  restore: "Restore",
};

/** A piece's revisions, newest first, each opening its own page. */
export function RevisionList({ pieceId, revisions }: { pieceId: string; revisions: RevisionListItem[] }) {
  const columns: Column<RevisionListItem>[] = [
    { header: "When", rowHeader: true, cell: (r) => <Link href={`/admin/pieces/${pieceId}/history/${r.id}`}>{formatDateTime(r.createdAt)}</Link> },
    { header: "Who", cell: (r) => r.authorName },
    { header: "What", cell: (r) => KIND_LABELS[r.kind] },
  ];
  return (
    <DataTable
      columns={columns}
      rows={revisions}
      rowKey={(r) => r.id}
      caption="Revisions, newest first"
      empty={<p className="meta">No revisions yet: every save, publish and autosave adds one.</p>}
    />
  );
}
