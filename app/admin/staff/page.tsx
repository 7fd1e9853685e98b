import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/guards";
import { accountRole, listStaff } from "@/lib/staff/staff";
import { config } from "@/lib/env";
import { formatDate } from "@/lib/format";
import { PromoteForm } from "@/components/admin/promote-form";
import { InlineAction } from "@/components/admin/inline-action";
import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/notice";
import { defaultAudienceAction, demoteAction, promoteAction, retentionOfferAction } from "./actions";
import { defaultMailAudience, retentionOffer } from "@/lib/staff/settings";
import { RetentionOfferForm } from "@/components/admin/retention-offer-form";
import { DefaultAudienceForm } from "@/components/admin/default-audience-form";
import "../admin.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Staff", robots: { index: false } };

export default async function StaffPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin("/admin/staff");
  const [staff, demoted, audience, offer] = await Promise.all([
    listStaff(config().adminEmails),
    searchParams.then((sp) => accountRole(sp.demoted)),
    defaultMailAudience(),
    retentionOffer(),
  ]);
  return (
    <div className="wrap admin-page">
      <h1>Staff</h1>
      <p className="meta">
        Editors write, publish and send pieces and manage subscribers. Admins also manage staff and read the audit log. Addresses in
        ADMIN_EMAILS are made admin at every sign-in, so they cannot be demoted here.
      </p>
      {demoted?.role === "reader" ? <Notice>{demoted.email} is now a reader.</Notice> : null}
      <DataTable
        caption="Staff members"
        rows={staff}
        rowKey={(s) => s.id}
        columns={[
          { header: "Email", rowHeader: true, cell: (s) => <Link href={`/admin/subscribers/${s.id}`}>{s.email}</Link> },
          { header: "Role", cell: (s) => (s.role === "admin" ? "Admin" : "Editor") },
          { header: "Profile", cell: (s) => <Link href={`/admin/profile?user=${s.id}`} aria-label={`Edit profile: ${s.email}`}>Edit profile</Link> },
          { header: "Since", cell: (s) => formatDate(s.createdAt) },
          {
            header: "Actions",
            headerHidden: true,
            cell: (s) =>
              s.fixed ? (
                <span className="meta">Fixed (ADMIN_EMAILS)</span>
              ) : s.id === admin.userId ? (
                <span className="meta">You</span>
              ) : (
                <InlineAction
                  action={demoteAction}
                  fields={{ userId: s.id }}
                  label="Demote to reader"
                  accessibleLabel={`Demote to reader: ${s.email}`}
                  pendingLabel="Demoting…"
                  confirm={`Make ${s.email} a reader? They lose access to the staff area at once.`}
                />
              ),
          },
        ]}
      />

      <section className="admin-section" aria-labelledby="newsroom-title">
        <h2 id="newsroom-title" className="admin-section-title">
          Newsroom defaults
        </h2>
        <DefaultAudienceForm action={defaultAudienceAction} initial={audience} />
      </section>

      <section className="admin-section" aria-labelledby="retention-title">
        <h2 id="retention-title" className="admin-section-title">
          Offer to readers who cancel
        </h2>
        <RetentionOfferForm action={retentionOfferAction} initial={offer} />
      </section>

      <section className="admin-section" aria-labelledby="promote-title">
        <h2 id="promote-title" className="admin-section-title">
          Promote a reader to editor
        </h2>
        <PromoteForm action={promoteAction} />
      </section>
    </div>
  );
}
