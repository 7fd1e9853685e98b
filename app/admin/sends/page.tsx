import Link from "next/link";
import { SendProgress } from "@/components/admin/send-progress";
import { requireStaff } from "@/lib/auth/guards";
import { listRecentSends } from "@/lib/newsletter/progress";
import { formatDate } from "@/lib/site";

export const metadata = { title: "Sends" };

export default async function SendsPage() {
  await requireStaff("/admin/sends");
  const sends = await listRecentSends(50);
  return (
    <div className="wrap">
      <h1>Sends</h1>
      {sends.length === 0 ? <p>No piece has been mailed yet. Publish a piece with “Email subscribers” ticked.</p> : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Piece</th>
              <th scope="col">Audience</th>
              <th scope="col">Progress</th>
              <th scope="col">Started</th>
            </tr>
          </thead>
          <tbody>
            {sends.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link href={`/admin/sends/${s.id}`}>{s.headline}</Link>
                </td>
                <td>
                  {s.fullCount} full · {s.teaserCount} teaser
                </td>
                <td style={{ minWidth: "14rem" }}>
                  <SendProgress sendId={s.id} initial={s} />
                </td>
                <td>{s.startedAt ? formatDate(s.startedAt) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
