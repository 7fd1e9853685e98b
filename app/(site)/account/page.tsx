import type { Metadata } from "next";
import { requireMember } from "@/lib/auth/guards";
import { membershipStatus } from "@/lib/access/rule";
import { wantsNewPieces } from "@/lib/auth/account";
import { currentPolicy } from "@/lib/access/policy";
import { deleteAccountAction, signOutAction, updateMailPreferenceAction } from "./actions";
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
  const [mailOn, summary, customer] = await Promise.all([
    wantsNewPieces(viewer.userId),
    billingSummary(viewer.userId),
    customerIdOf(viewer.userId),
  ]);
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

      {sp.already ? (
        <p className="notice" role="status">
          You already have a subscription. Manage it here.
        </p>
      ) : null}
      <BillingSection summary={summary} hasCustomer={customer !== null} openPortal={openBillingPortalAction} />
      {customer ? <InvoiceList invoices={await listInvoices(customer)} /> : null}

      <section aria-labelledby="mail">
        <h2 id="mail">Email</h2>
        {sp.saved === "mail" ? (
          <p className="notice" role="status">
            Saved.
          </p>
        ) : null}
        <form className="form" action={updateMailPreferenceAction}>
          <input type="hidden" name="newPieces" value="off" />
          <label className="checkbox">
            <input type="checkbox" name="newPieces" value="on" defaultChecked={mailOn} /> Email me new pieces
          </label>
          <div>
            <button className="button secondary" type="submit">
              Save email preference
            </button>
          </div>
        </form>
      </section>

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
