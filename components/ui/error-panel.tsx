"use client";

import Link from "next/link";

export interface ErrorPageProps {
  reset: () => void;
  error: Error & { digest?: string };
}

/** What a failed page says: what happened, what to do, and the reference for the server log; nothing about the internals. */
export function ErrorPanel({ reset, error, children }: ErrorPageProps & { children: React.ReactNode }) {
  return (
    <div className="wrap narrow not-found" role="alert">
      <h1>Something went wrong on our side</h1>
      <p>{children}</p>
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
