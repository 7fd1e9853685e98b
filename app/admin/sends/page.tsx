import { SendProgress } from "@/components/admin/send-progress";
import { SendTitle } from "@/components/admin/send-title";
import { DataTable } from "@/components/ui/data-table";
import { requireStaff } from "@/lib/auth/guards";
import { listRecentSends } from "@/lib/newsletter/progress";
import { formatDateTime } from "@/lib/format";

export const metadata = { title: "Sends" };

export default async function SendsPage() {
  await requireStaff("/admin/sends");
  const sends = await listRecentSends(50);
  return (
    <div className="wrap">
      <h1>Sends</h1>
      {sends.length === 0 ? <p>Nothing has been mailed yet. Publish a piece and choose whom to email; a signal marked triggered mails its followers an alert.</p> : null}
      <DataTable
        rows={sends}
        rowKey={(s) => s.id}
        columns={[
          { header: "Mail", cell: (s) => <SendTitle send={s} link /> },
          { header: "Audience", cell: (s) => `${s.fullCount} full · ${s.teaserCount} teaser` },
          { header: "Progress", className: "cell-wide", cell: (s) => <SendProgress sendId={s.id} initial={s} /> },
          { header: "Started", cell: (s) => (s.startedAt ? formatDateTime(s.startedAt) : "—") },
        ]}
      />
    </div>
  );
}
