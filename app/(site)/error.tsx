"use client";

import Link from "next/link";

/** A failure inside the site's chrome: say what happened and what to do; nothing about the internals. */
export default function SiteError({ reset, error }: { reset: () => void; error: Error & { digest?: string } }) {
  return (
    <div className="wrap narrow not-found" role="alert">
      <h1>Something went wrong on our side</h1>
      <p>
        The page could not be loaded just now. Nothing you did caused it, and nothing was charged or changed twice. Try
        again in a moment; if it keeps happening, write to us and quote the reference below.
      </p>
      <p>
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>{" "}
        <Link href="/">Go to the front page</Link>
      </p>
      {error.digest ? <p className="meta">Reference: {error.digest}</p> : null}
    </div>
  );
}
