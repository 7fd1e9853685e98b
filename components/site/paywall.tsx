import Link from "next/link";
import { joinHref, loginHref } from "@/lib/site";

export function Paywall({
  reason,
  next,
  pitch,
  buttonText,
}: {
  reason: "sign-in" | "subscribe";
  next: string;
  pitch: string;
  buttonText: string;
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
  return (
    <section className="paywall" aria-labelledby="paywall-title">
      <h2 id="paywall-title">The full analysis is for subscribers</h2>
      <p>{pitch}</p>
      <Link className="button large" href={joinHref(next)}>
        {buttonText}
      </Link>
      <p className="fine">
        Already a subscriber? <Link href={loginHref(next)}>Sign in</Link>
      </p>
    </section>
  );
}
