import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/guards";
import { subscriberDetail } from "@/lib/staff/subscriber-detail";
import { currentPolicy } from "@/lib/access/policy";
import { planLabel, STATUS_LABELS } from "@/lib/staff/format";
import { config } from "@/lib/env";
import { formatDate, formatDateTime, isoDay } from "@/lib/format";
import { GrantForm } from "@/components/admin/grant-form";
import { InlineAction } from "@/components/admin/inline-action";
import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/notice";
import { grantAction, revokeAction } from "./actions";
import "../../admin.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Subscriber", robots: { index: false } };

const when = (d: Date | null) => (d ? <time dateTime={d.toISOString()}>{formatDate(d)}</time> : <span className="meta">—</span>);

export default async function SubscriberPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams?: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  await requireStaff(`/admin/subscribers/${encodeURIComponent(id)}`);
  const policy = currentPolicy();
  const detail = await subscriberDetail(id, policy, { includeOutbox: config().demoMode });
  if (!detail) notFound();
  const { row } = detail;
  const tomorrow = isoDay(new Date(policy.now.getTime() + 86_400_000));
  const revoked = (await searchParams)?.revoked === "1";
  return (
    <div className="wrap admin-page">
      <p className="meta">
        <Link href="/admin/subscribers">← Subscribers</Link>
      </p>
      <h1>{row.email}</h1>
      <dl className="facts">
        <dt>Email</dt>
        <dd>{row.email}</dd>
        <dt>Name</dt>
        <dd>{row.name ?? <span className="meta">—</span>}</dd>
        <dt>Role</dt>
        <dd>{detail.role}</dd>
        <dt>Membership</dt>
        <dd>
          <span className={`status status-${row.status}`} data-testid="member-status">
            {STATUS_LABELS[row.status]}
          </span>
          {row.plan ? <span className="meta"> · {row.plan}</span> : null}
        </dd>
        <dt>Joined</dt>
        <dd>{when(row.joined)}</dd>
        <dt>Email confirmed</dt>
        <dd>{detail.emailVerified ? formatDate(detail.emailVerified) : "Not yet (never signed in)"}</dd>
        <dt>Stripe customer</dt>
        <dd>{detail.stripeCustomerId ?? <span className="meta">—</span>}</dd>
      </dl>

      <section className="admin-section" aria-labelledby="comp-title">
        <h2 id="comp-title" className="admin-section-title">
          Complimentary access
        </h2>
        {revoked ? <Notice>Complimentary access revoked.</Notice> : null}
        <DataTable
          caption="Complimentary grants"
          rows={detail.grants}
          rowKey={(g) => g.id}
          empty={<p className="meta">No complimentary access granted yet.</p>}
          columns={[
            { header: "Granted", cell: (g) => when(g.createdAt) },
            { header: "Until", cell: (g) => (g.expiresAt ? when(g.expiresAt) : "No end date") },
            {
              header: "State",
              cell: (g) =>
                g.state === "revoked" && g.revokedAt ? `Revoked ${formatDate(g.revokedAt)}` : g.state === "active" ? "Active" : "Expired",
            },
            { header: "Note", cell: (g) => g.note ?? <span className="meta">—</span> },
            { header: "By", cell: (g) => g.grantedBy ?? <span className="meta">—</span> },
            {
              header: "Actions",
              headerHidden: true,
              cell: (g) =>
                g.state === "active" ? (
                  <InlineAction
                    action={revokeAction}
                    fields={{ userId: row.id, grantId: g.id }}
                    label="Revoke"
                    accessibleLabel={`Revoke the grant of ${formatDate(g.createdAt)}`}
                    pendingLabel="Revoking…"
                    confirm={`Revoke complimentary access for ${row.email}?`}
                  />
                ) : null,
            },
          ]}
        />
        <h3>Grant complimentary access</h3>
        <GrantForm action={grantAction} userId={row.id} minDate={tomorrow} />
      </section>

      <section className="admin-section" aria-labelledby="subs-title">
        <h2 id="subs-title" className="admin-section-title">
          Subscription history
        </h2>
        <DataTable
          caption="Stripe subscriptions, newest first"
          rows={detail.subscriptions}
          rowKey={(s) => s.id}
          empty={<p className="meta">No Stripe subscriptions.</p>}
          columns={[
            { header: "Subscription", cell: (s) => <code>{s.id}</code> },
            {
              header: "Status",
              cell: (s) => (
                <>
                  {s.status}
                  {s.cancelAtPeriodEnd ? <span className="meta block">cancels at period end</span> : null}
                  {s.pastDueSince ? <span className="meta block">past due since {formatDate(s.pastDueSince)}</span> : null}
                </>
              ),
            },
            { header: "Plan", cell: (s) => planLabel(s) },
            { header: "Started", cell: (s) => when(s.createdAt) },
            { header: "Period ends", cell: (s) => when(s.currentPeriodEnd) },
            { header: "Trial ends", cell: (s) => when(s.trialEnd) },
            { header: "Ended", cell: (s) => when(s.endedAt) },
          ]}
        />
      </section>

      <section className="admin-section" aria-labelledby="mail-title">
        <h2 id="mail-title" className="admin-section-title">
          Mails received
        </h2>
        <DataTable
          caption="Mails to this address, newest first"
          rows={detail.mails}
          rowKey={(m) => `${m.source}-${m.id}`}
          empty={<p className="meta">No mail sent to this address yet.</p>}
          columns={[
            { header: "When", cell: (m) => <time dateTime={m.at.toISOString()}>{formatDateTime(m.at)}</time> },
            { header: "Mail", cell: (m) => m.subject },
            {
              header: "Kind",
              cell: (m) =>
                m.source === "newsletter" ? `Newsletter (${m.variant === "full" ? "full analysis" : "teaser"})` : "Outbox (demo mode)",
            },
            {
              header: "Status",
              cell: (m) => (
                <>
                  {m.status}
                  {m.error ? <span className="meta block">{m.error}</span> : null}
                </>
              ),
            },
          ]}
        />
      </section>
    </div>
  );
}
