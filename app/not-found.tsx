import Link from "next/link";
import { siteConfig } from "@/lib/env";

export default function NotFound() {
  const site = siteConfig();
  return (
    <main className="wrap narrow not-found" id="content">
      <p className="brand-name">{site.name}</p>
      <h1>We couldn’t find that page</h1>
      <p>The address may be mistyped, or the piece may have been unpublished.</p>
      <p>
        <Link className="button" href="/">
          Go to the front page
        </Link>
      </p>
    </main>
  );
}
