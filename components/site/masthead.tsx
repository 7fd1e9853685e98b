import Link from "next/link";
import { siteConfig } from "@/lib/env";
import { joinLabel } from "@/lib/site";

export function Masthead({ categories }: { categories: { name: string; slug: string }[] }) {
  const site = siteConfig();
  return (
    <header className="masthead">
      <div className="wrap">
        <div className="masthead-top">
          <Link href="/" className="brand">
            <span className="brand-name">{site.name}</span>
            <span className="brand-tagline">{site.tagline}</span>
          </Link>
          <div className="masthead-actions">
            <Link href="/account" className="link-quiet">
              Account
            </Link>
            <Link href="/join" className="button">
              {joinLabel(site.name)}
            </Link>
          </div>
        </div>
        <nav className="nav" aria-label="Sections">
          <Link href="/">Latest</Link>
          <Link href="/radar">Risk radar</Link>
          {categories.map((c) => (
            <Link key={c.slug} href={`/category/${c.slug}`}>
              {c.name}
            </Link>
          ))}
        </nav>
      </div>
    </header>
  );
}
