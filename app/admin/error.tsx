"use client";

import Link from "next/link";

/** A failure in the staff area: what happened, what to do, and the reference for the server log. */
export default function AdminError({ reset, error }: { reset: () => void; error: Error & { digest?: string } }) {
  return (
    <div className="wrap narrow not-found" role="alert">
      <h1>Something went wrong on our side</h1>
      <p>
        This page could not be loaded just now. Try again; if it keeps happening, the server log has the details under
        the reference below.
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
