import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { LoginForm } from "@/components/site/login-form";
import { PlanCards } from "@/components/site/plan-cards";
import { requestSignInAction } from "../login/actions";
import { startCheckoutAction } from "./actions";
import { safeNext } from "@/lib/auth/redirect";
import { listPlans } from "@/lib/billing/plans";
import { config } from "@/lib/env";
import { currentViewer, currentViewerCategory } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Join", description: "Subscribe for the full risk analysis behind every story." };

const Query = z.object({
  next: z.string().optional(),
  plan: z.enum(["month", "year"]).optional().catch(undefined),
  canceled: z.string().optional(),
});

export default async function JoinPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = Query.parse(await searchParams);
  const next = safeNext(q.next);
  const [viewer, category] = await Promise.all([currentViewer(), currentViewerCategory()]);
  if (category === "subscriber" || category === "past_due") return <AlreadySubscribed pastDue={category === "past_due"} next={next} />;
  const plans = await listPlans();
  const cfg = config();
  const here = `/join?next=${encodeURIComponent(next)}`;
  return (
    <div className="wrap join">
      <header className="narrow join-header">
        <p className="kicker">Subscribe</p>
        <h1>Read past the headline.</h1>
        <p className="lede">
          Every {cfg.publication.name} piece starts from a news report and asks what it really changes: who is exposed,
          which signals to watch, and what happens next. Subscribers read every analysis in full and get each new piece by
          email.
        </p>
      </header>
      {q.canceled ? (
        <p className="notice narrow" role="status">
          Checkout was canceled. Nothing was charged. Choose a plan when you are ready.
        </p>
      ) : null}
      <section aria-labelledby="step-plan" className="join-plans">
        <h2 id="step-plan">Choose your plan</h2>
        {viewer.kind === "anonymous" ? <p className="meta plan-note">You’ll enter your email at checkout and come back signed in, reading.</p> : null}
        <PlanCards checkout={startCheckoutAction} plans={plans} next={next} selected={q.plan} trialDays={cfg.stripe.trialDays} />
      </section>
      {viewer.kind === "anonymous" ? (
        <section className="narrow join-step join-signin" aria-labelledby="step-email">
          <h2 id="step-email">Already have an account?</h2>
          <p>Sign in first and your plan is added to it.</p>
          <LoginForm action={requestSignInAction} next={here} submitLabel="Continue with email" />
        </section>
      ) : null}
    </div>
  );
}

function AlreadySubscribed({ pastDue, next }: { pastDue: boolean; next: string }) {
  return (
    <div className="wrap narrow join">
      <header className="join-header">
        <p className="kicker">Subscribe</p>
        <h1>You’re already subscribed.</h1>
        {pastDue ? (
          <p className="lede">
            Your last payment didn’t go through. <a href="/account/billing">Update your payment method</a> to keep reading.
          </p>
        ) : (
          <p className="lede">Every analysis is yours to read in full. Your plan and billing are on your account page.</p>
        )}
      </header>
      <p className="join-already-actions">
        <Link className="button" href={next}>
          {next === "/" ? "Read the latest analysis" : "Back to your piece"}
        </Link>{" "}
        <Link className="button secondary" href="/account">
          Your account
        </Link>
      </p>
    </div>
  );
}
