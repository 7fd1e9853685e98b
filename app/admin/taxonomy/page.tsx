import type { Metadata } from "next";
import { InlineAction } from "@/components/admin/inline-action";
import { TermForm } from "@/components/admin/term-form";
import { DataTable } from "@/components/ui/data-table";
import { requireAdmin } from "@/lib/auth/guards";
import { formatDate } from "@/lib/format";
import { TERM_KINDS, listTerms, type TermKind } from "@/lib/risk/taxonomy-admin";
import { addTermAction, renameTermAction, retireTermAction } from "./actions";
import "../admin.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Risk taxonomy", robots: { index: false } };

const TITLES: Record<TermKind, string> = { vector: "Vectors", sector: "Sectors", region: "Regions", organisation: "Organisations" };
const SINGULAR: Record<TermKind, string> = { vector: "vector", sector: "sector", region: "region", organisation: "organisation" };

export default async function TaxonomyPage() {
  await requireAdmin("/admin/taxonomy");
  const terms = await listTerms();
  return (
    <div className="wrap admin-page">
      <h1>Risk taxonomy</h1>
      <p className="meta">
        The managed lists editors choose from. Renaming keeps a term&apos;s address (its slug) in filters and follows; retiring removes it from
        the editor&apos;s choices and keeps it on the pieces that already carry it.
      </p>
      {TERM_KINDS.map((kind) => (
        <section key={kind} className="admin-section" aria-labelledby={`terms-${kind}`}>
          <h2 id={`terms-${kind}`} className="admin-section-title">
            {TITLES[kind]}
          </h2>
          <DataTable
            caption={TITLES[kind]}
            rows={terms.filter((t) => t.kind === kind)}
            rowKey={(t) => t.key}
            columns={[
              { header: "Name", rowHeader: true, cell: (t) => t.name },
              { header: "Slug", cell: (t) => <code>{t.slug}</code> },
              { header: "Status", cell: (t) => (t.retiredAt ? `Retired ${formatDate(t.retiredAt)}` : "In use") },
              {
                header: "Rename",
                cell: (t) => (
                  <TermForm
                    action={renameTermAction}
                    fields={{ kind, key: t.key }}
                    label={`New name for ${t.name}`}
                    defaultName={t.name}
                    submitLabel="Rename"
                    pendingLabel="Renaming…"
                  />
                ),
              },
              {
                header: "Retire",
                headerHidden: true,
                cell: (t) =>
                  t.retiredAt ? (
                    <span className="meta">Retired</span>
                  ) : (
                    <InlineAction
                      action={retireTermAction}
                      fields={{ kind, key: t.key }}
                      label="Retire"
                      accessibleLabel={`Retire ${t.name}`}
                      pendingLabel="Retiring…"
                      confirm={`Retire “${t.name}”? Editors can no longer choose it; pieces that carry it keep it.`}
                    />
                  ),
              },
            ]}
          />
          <TermForm
            action={addTermAction}
            fields={{ kind }}
            label={`New ${SINGULAR[kind]}`}
            submitLabel={`Add ${SINGULAR[kind]}`}
            pendingLabel="Adding…"
          />
        </section>
      ))}
    </div>
  );
}
