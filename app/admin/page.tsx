import Link from "next/link";
import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/guards";
import { dailyGrowth, membershipCounts, mrr } from "@/lib/staff/dashboard";
import { SendProgress } from "@/components/admin/send-progress";
import { SendTitle } from "@/components/admin/send-title";
import { listRecentSends } from "@/lib/newsletter/progress";
import { currentPolicy } from "@/lib/access/policy";
import { formatDateTime, formatMoney, formatNumber } from "@/lib/format";
import { subscribersHref, type SubscriberFilter } from "@/lib/staff/subscribers";
import { GrowthChart } from "@/components/admin/growth-chart";
import "./admin.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard", robots: { index: false } };

export default async function AdminDashboard() {
  await requireStaff("/admin");
  const policy = currentPolicy();
  const [counts, revenue, growth, recentSends] = await Promise.all([
    membershipCounts(policy),
    mrr(policy),
    dailyGrowth(policy.now, 30),
    listRecentSends(5),
  ]);
  const cards: { label: string; value: number; filter: SubscriberFilter }[] = [
    { label: "Free members", value: counts.free, filter: "free" },
    { label: "Paying subscribers", value: counts.paying, filter: "paying" },
    { label: "Trialing", value: counts.trialing, filter: "trialing" },
    { label: "Past due", value: counts.past_due, filter: "past_due" },
    { label: "Complimentary", value: counts.complimentary, filter: "complimentary" },
  ];
  return (
    <div className="wrap admin-page">
      <h1>Dashboard</h1>

      <section aria-labelledby="members-title">
        <h2 id="members-title" className="admin-section-title">
          Members
        </h2>
        <ul className="stat-grid stat-list">
          {cards.map((c) => (
            <li key={c.filter} className="stat">
              <Link href={subscribersHref({ status: c.filter })} className="stat-link">
                <span className="label">{c.label}</span>
                <span className="value" data-testid={`stat-${c.filter}`}>
                  {formatNumber(c.value)}
                </span>
              </Link>
            </li>
          ))}
          <li className="stat">
            <span className="label">MRR</span>
            <span className="value" data-testid="stat-mrr">
              {revenue.length === 0 ? formatMoney(0, "usd") : revenue.map((r) => formatMoney(r.monthly, r.currency)).join(" + ")}
            </span>
            <span className="stat-note">Active paid subscriptions; yearly counted as 1/12. Trials and past due excluded.</span>
          </li>
        </ul>
      </section>

      <section aria-labelledby="growth-title">
        <h2 id="growth-title" className="admin-section-title">
          Growth
        </h2>
        <GrowthChart series={growth} />
      </section>

      <section aria-labelledby="sends-title">
        <h2 id="sends-title" className="admin-section-title">
          Latest sends
        </h2>
        {recentSends.length === 0 ? (
          <p className="meta">No newsletter has been sent yet.</p>
        ) : (
          <ul className="send-list">
            {recentSends.map((s) => (
              <li key={s.id} className="send-item">
                <SendTitle send={s} link />
                <SendProgress sendId={s.id} initial={s} />
                <span className="meta">
                  {s.finishedAt
                    ? `Finished ${formatDateTime(s.finishedAt)}`
                    : s.startedAt
                      ? `Started ${formatDateTime(s.startedAt)}`
                      : `Queued ${formatDateTime(s.createdAt)}`}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href="/admin/sends">All sends →</Link>
        </p>
      </section>
    </div>
  );
}
