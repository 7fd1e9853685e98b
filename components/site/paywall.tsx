import Link from "next/link";
import type { ViewerCategory } from "@/lib/access/rule";
import { joinHref, loginHref } from "@/lib/site";

/** The end of a piece the viewer may not read in full; what it offers follows the viewer. */
export function Paywall({
  reason,
  viewer,
  next,
  pitch,
  buttonText,
  price,
}: {
  reason: "sign-in" | "subscribe";
  viewer: ViewerCategory;
  next: string;
  pitch: string;
  buttonText: string;
  price: string | null;
}) {
  if (reason === "sign-in") {
    return (
      <section className="paywall" aria-labelledby="paywall-title">
        <h2 id="paywall-title">This analysis is free for members</h2>
        <p>Sign in with your email to keep reading. No password, no card.</p>
        <Link className="button large" href={loginHref(next)}>
          Sign in to read
        </Link>
        <p className="fine">
          Want every piece in full? <Link href={joinHref(next)}>{buttonText}</Link>
        </p>
      </section>
    );
  }
  if (viewer === "past_due") {
    return (
      <section className="paywall" aria-labelledby="paywall-title">
        <h2 id="paywall-title">Your subscription is waiting on a payment</h2>
        <p>Your last payment didn’t go through. Update your payment method to read the full analysis again.</p>
        <a className="button large" href="/account/billing">
          Update payment method
        </a>
      </section>
    );
  }
  return (
    <section className="paywall" aria-labelledby="paywall-title">
      <h2 id="paywall-title">The full analysis is for subscribers</h2>
      <p>{pitch}</p>
      {price ? <p className="paywall-price">{price}. Cancel any time.</p> : null}
      <Link className="button large" href={joinHref(next)}>
        {viewer === "free" ? "Subscribe to read on →" : buttonText}
      </Link>
      {viewer === "anonymous" ? (
        <p className="fine">
          Already a subscriber? <Link href={loginHref(next)}>Sign in</Link>
        </p>
      ) : null}
    </section>
  );
}
