import type { Metadata } from "next";
import { requireMember } from "@/lib/auth/guards";
import { membershipStatus } from "@/lib/access/rule";
import { db } from "@/lib/db";
import { mailPreferencesOf } from "@/lib/newsletter/preferences";
import { followsOf } from "@/lib/risk/follows";
import { listTags, listVectors } from "@/lib/risk/taxonomy";
import { PreferenceCentre } from "@/components/site/preference-centre";
import { currentPolicy } from "@/lib/access/policy";
import { deleteAccountAction, followAction, signOutAction, unfollowAction, updateMailPreferenceAction } from "./actions";
import { openBillingPortalAction } from "../join/actions";
import { MembershipSummary } from "@/components/site/membership-summary";
import { BillingSection } from "@/components/site/billing-section";
import { billingSummary, customerIdOf } from "@/lib/billing/account";
import { accountState } from "@/lib/billing/account-state";
import { listInvoices } from "@/lib/billing/invoices";
import { InvoiceList } from "@/components/site/invoice-list";
import { DangerZone } from "@/components/site/danger-zone";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ saved?: string; error?: string; already?: string }> }) {
  const viewer = await requireMember("/account");
  const sp = await searchParams;
  const status = membershipStatus(viewer, currentPolicy());
  const [prefs, followed, vectors, tags, summary, customer] = await Promise.all([
    db().then((d) => mailPreferencesOf(d, viewer.userId)),
    followsOf(viewer.userId),
    listVectors(),
    listTags(),
    billingSummary(viewer.userId),
    customerIdOf(viewer.userId),
  ]);
  const tagChoices = (kind: "sector" | "region") => tags.filter((t) => t.kind === kind).map((t) => ({ value: t.id, name: t.name }));
  return (
    <div className="wrap narrow account">
      <h1>Your account</h1>
      <section aria-labelledby="who">
        <h2 id="who">Signed in as</h2>
        <p>
          <strong>{viewer.email}</strong>
        </p>
        <MembershipSummary status={status} />
      </section>

      {sp.saved === "cancelling" ? (
        <p className="notice" role="status">
          Your subscription is cancelled: it ends at the close of this period, and you keep reading until then. Thank you for telling us why.
        </p>
      ) : sp.saved === "stayed" ? (
        <p className="notice" role="status">
          You’re staying, and the offer is applied to your subscription. Thank you.
        </p>
      ) : null}
      {sp.already ? (
        <p className="notice" role="status">
          You already have a subscription. Manage it here.
        </p>
      ) : null}
      <BillingSection summary={summary} hasCustomer={customer !== null} openPortal={openBillingPortalAction} />
      {customer ? <InvoiceList invoices={await listInvoices(customer)} /> : null}

      <PreferenceCentre
        prefs={prefs}
        followed={followed}
        choices={{ vector: vectors.map((v) => ({ value: v.slug, name: v.name })), sector: tagChoices("sector"), region: tagChoices("region") }}
        notice={sp.saved === "mail" ? "Saved." : sp.saved === "follows" ? "Your follows are updated." : null}
        error={sp.error === "follow" ? "That could not be followed: choose an item from the list." : null}
        saveMail={updateMailPreferenceAction}
        followAct={followAction}
        unfollowAct={unfollowAction}
      />

      <section aria-labelledby="session">
        <h2 id="session">Session</h2>
        <form action={signOutAction}>
          <button className="button secondary" type="submit">
            Sign out
          </button>
        </form>
      </section>

      <DangerZone state={accountState(summary)} error={sp.error === "confirm"} deleteAction={deleteAccountAction} />
    </div>
  );
}
