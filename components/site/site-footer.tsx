import Link from "next/link";
import { siteConfig } from "@/lib/env";

export function SiteFooter() {
  const site = siteConfig();
  return (
    <footer className="site-footer">
      <div className="wrap">
        <div>
          © {site.name}. {site.tagline}.
        </div>
        <nav aria-label="Footer">
          <Link href="/join">Plans and pricing</Link>
          <Link href="/gift">Give a gift</Link>
          <Link href="/account">Your account</Link>
          <a href="/feed.xml">RSS feed</a>
          <Link href="/sitemap.xml">Sitemap</Link>
        </nav>
      </div>
    </footer>
  );
}
