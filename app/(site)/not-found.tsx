import Link from "next/link";

export default function NotFound() {
  return (
    <div className="wrap narrow not-found">
      <h1>We couldn’t find that page</h1>
      <p>The piece may have moved or been unpublished. The latest analysis is on the front page.</p>
      <p>
        <Link className="button" href="/">
          Go to the front page
        </Link>
      </p>
    </div>
  );
}
