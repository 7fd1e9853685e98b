import Link from "next/link";
import { siteConfig } from "@/lib/env";
import { joinLabel } from "@/lib/site";

export function JoinAside() {
  const site = siteConfig();
  return (
    <aside className="aside-card" aria-label="Subscribe">
      <h2>Read past the headline.</h2>
      <p>
        {site.name} subscribers get the full risk analysis behind every story: what the coverage misses, who is
        exposed, and the signals to watch next.
      </p>
      <Link href="/join" className="button large">
        {joinLabel(site.name)}
      </Link>
    </aside>
  );
}
