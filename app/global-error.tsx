"use client";

/** The last resort, when even the root layout failed: a whole page of its own. */
export default function GlobalError({ reset, error }: { reset: () => void; error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "Georgia, serif", maxWidth: "36rem", margin: "4rem auto", padding: "0 1rem", lineHeight: 1.5 }}>
        <main role="alert">
          <h1>The site is having trouble</h1>
          <p>We could not load this page. Nothing was charged or changed twice. Please try again in a minute.</p>
          <p>
            <button type="button" onClick={reset}>
              Try again
            </button>{" "}
            <a href="/">Go to the front page</a>
          </p>
          {error.digest ? <p>Reference: {error.digest}</p> : null}
        </main>
      </body>
    </html>
  );
}
