import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/guards";
import { subscriberDetail } from "@/lib/staff/subscriber-detail";
import { currentPolicy } from "@/lib/staff/request";
import { formatDateTime, isoDay, planLabel, STATUS_LABELS } from "@/lib/staff/format";
import { config } from "@/lib/env";
import { formatDate } from "@/lib/site";
import { GrantForm } from "@/components/admin/grant-form";
import { InlineAction } from "@/components/admin/inline-action";
import { revokeAction } from "./actions";
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
        {revoked ? (
          <p className="notice" role="status">
            Complimentary access revoked.
          </p>
        ) : null}
        {detail.grants.length === 0 ? (
          <p className="meta">No complimentary access granted yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Complimentary grants</caption>
              <thead>
                <tr>
                  <th scope="col">Granted</th>
                  <th scope="col">Until</th>
                  <th scope="col">State</th>
                  <th scope="col">Note</th>
                  <th scope="col">By</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {detail.grants.map((g) => (
                  <tr key={g.id}>
                    <td>{when(g.createdAt)}</td>
                    <td>{g.expiresAt ? when(g.expiresAt) : "No end date"}</td>
                    <td>
                      {g.state === "revoked" && g.revokedAt
                        ? `Revoked ${formatDate(g.revokedAt)}`
                        : g.state === "active"
                          ? "Active"
                          : "Expired"}
                    </td>
                    <td>{g.note ?? <span className="meta">—</span>}</td>
                    <td>{g.grantedBy ?? <span className="meta">—</span>}</td>
                    <td>
                      {g.state === "active" ? (
                        <InlineAction
                          action={revokeAction}
                          fields={{ userId: row.id, grantId: g.id }}
                          label="Revoke"
                          accessibleLabel={`Revoke the grant of ${formatDate(g.createdAt)}`}
                          pendingLabel="Revoking…"
                          confirm={`Revoke complimentary access for ${row.email}?`}
                        />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3>Grant complimentary access</h3>
        <GrantForm userId={row.id} minDate={tomorrow} />
      </section>

      <section className="admin-section" aria-labelledby="subs-title">
        <h2 id="subs-title" className="admin-section-title">
          Subscription history
        </h2>
        {detail.subscriptions.length === 0 ? (
          <p className="meta">No Stripe subscriptions.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Stripe subscriptions, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Subscription</th>
                  <th scope="col">Status</th>
                  <th scope="col">Plan</th>
                  <th scope="col">Started</th>
                  <th scope="col">Period ends</th>
                  <th scope="col">Trial ends</th>
                  <th scope="col">Ended</th>
                </tr>
              </thead>
              <tbody>
                {detail.subscriptions.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <code>{s.id}</code>
                    </td>
                    <td>
                      {s.status}
                      {s.cancelAtPeriodEnd ? <span className="meta block">cancels at period end</span> : null}
                      {s.pastDueSince ? <span className="meta block">past due since {formatDate(s.pastDueSince)}</span> : null}
                    </td>
                    <td>{planLabel(s)}</td>
                    <td>{when(s.createdAt)}</td>
                    <td>{when(s.currentPeriodEnd)}</td>
                    <td>{when(s.trialEnd)}</td>
                    <td>{when(s.endedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="admin-section" aria-labelledby="mail-title">
        <h2 id="mail-title" className="admin-section-title">
          Mails received
        </h2>
        {detail.mails.length === 0 ? (
          <p className="meta">No mail sent to this address yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Mails to this address, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Mail</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {detail.mails.map((m) => (
                  <tr key={`${m.source}-${m.id}`}>
                    <td>
                      <time dateTime={m.at.toISOString()}>{formatDateTime(m.at)}</time>
                    </td>
                    <td>{m.subject}</td>
                    <td>
                      {m.source === "newsletter"
                        ? `Newsletter (${m.variant === "full" ? "full analysis" : "teaser"})`
                        : "Outbox (demo mode)"}
                    </td>
                    <td>
                      {m.status}
                      {m.error ? <span className="meta block">{m.error}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
