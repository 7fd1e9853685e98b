import type { Metadata } from "next";
import Link from "next/link";
import { MonthChart } from "@/components/admin/month-chart";
import { MrrChart } from "@/components/admin/mrr-chart";
import { DataTable } from "@/components/ui/data-table";
import { requireStaff } from "@/lib/auth/guards";
import { formatDate, formatMoney, formatNumber } from "@/lib/format";
import { monthlyReport } from "@/lib/numbers/monthly";
import { pieceStats } from "@/lib/numbers/piece-stats";
import "../admin.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Numbers", robots: { index: false } };

const n = (v: number) => formatNumber(v);

export default async function NumbersPage() {
  await requireStaff("/admin/numbers");
  const [pieces, months] = await Promise.all([pieceStats({ limit: 50 }), monthlyReport(new Date())]);
  return (
    <div className="wrap admin-page">
      <h1>Numbers</h1>
      <p className="meta">
        Opens and clicks come from Resend&apos;s events (an open only by a mail scanner or image proxy is counted apart); reads are counted on
        this site, per piece and day, without cookies or third parties; new members and subscribers are credited to the piece they joined
        from.
      </p>

      <section className="admin-section" aria-labelledby="pieces-title">
        <h2 id="pieces-title" className="admin-section-title">
          Per piece
        </h2>
        <p className="meta">
          The latest {pieces.length} published pieces · <a href="/admin/numbers/pieces.csv">Download CSV</a>
        </p>
        <DataTable
          caption="Each piece's mail, reads and the readers it brought"
          rows={pieces}
          rowKey={(p) => p.pieceId}
          empty={<p>No piece has been published yet.</p>}
          columns={[
            {
              header: "Piece",
              rowHeader: true,
              cell: (p) => (
                <>
                  <Link href={`/admin/pieces/${p.pieceId}`}>{p.headline}</Link>
                  {p.publishAt ? <span className="meta"> · {formatDate(p.publishAt)}</span> : null}
                </>
              ),
            },
            { header: "Sent", numeric: true, cell: (p) => (p.sendId ? <Link href={`/admin/sends/${p.sendId}`}>{n(p.sent)}</Link> : "–") },
            { header: "Delivered", numeric: true, cell: (p) => n(p.delivered) },
            { header: "Opened", numeric: true, cell: (p) => (p.openedMachineOnly > 0 ? `${n(p.openedHuman)} (+${n(p.openedMachineOnly)} by machines)` : n(p.openedHuman)) },
            { header: "Clicked", numeric: true, cell: (p) => n(p.clicked) },
            { header: "Read", numeric: true, cell: (p) => n(p.reads) },
            { header: "New members", numeric: true, cell: (p) => n(p.newMembers) },
            { header: "New subscribers", numeric: true, cell: (p) => n(p.newSubscribers) },
          ]}
        />
      </section>

      <section className="admin-section" aria-labelledby="months-title">
        <h2 id="months-title" className="admin-section-title">
          Per month
        </h2>
        <p className="meta">
          Paid subscriptions from Stripe, the last twelve months · <a href="/admin/numbers/months.csv">Download CSV</a>
        </p>
        <div className="chart-pair">
          <MrrChart rows={months} />
          <MonthChart rows={months} />
        </div>
        <DataTable
          caption="Subscriptions per month: MRR at the month's end, new, churned, net and why readers left"
          rows={[...months].reverse()}
          rowKey={(m) => m.month}
          columns={[
            { header: "Month", rowHeader: true, cell: (m) => m.month },
            { header: "MRR", numeric: true, cell: (m) => (m.mrr.length === 0 ? formatMoney(0, "usd") : m.mrr.map((x) => formatMoney(x.monthly, x.currency)).join(" + ")) },
            { header: "New", numeric: true, cell: (m) => n(m.newSubscriptions) },
            { header: "Churned", numeric: true, cell: (m) => n(m.churned) },
            { header: "Net", numeric: true, cell: (m) => (m.net > 0 ? `+${n(m.net)}` : n(m.net)) },
            { header: "Cancellation reasons", cell: (m) => (m.reasons.length === 0 ? "–" : m.reasons.map((r) => `${r.feedback.replace(/_/g, " ")} (${r.count})`).join(", ")) },
          ]}
        />
      </section>
    </div>
  );
}
