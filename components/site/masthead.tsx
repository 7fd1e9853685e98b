import Link from "next/link";
import { siteConfig } from "@/lib/env";
import { joinLabel } from "@/lib/site";
import { ViewerSwitch } from "./viewer-switch";

function AccountLink() {
  return (
    <Link href="/account" className="link-quiet">
      Account
    </Link>
  );
}

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
          <ViewerSwitch
            className="masthead-actions"
            anonymous={
              <>
                <Link href="/login" className="link-quiet">
                  Sign in
                </Link>
                <Link href="/join" className="button">
                  {joinLabel(site.name)}
                </Link>
              </>
            }
            free={
              <>
                <AccountLink />
                <Link href="/join" className="button">
                  Subscribe
                </Link>
              </>
            }
            subscriber={<AccountLink />}
            pastDue={<AccountLink />}
          />
        </div>
        <nav className="nav" aria-label="Sections">
          <Link href="/">Latest</Link>
          <Link href="/radar">Risk radar</Link>
          {categories.map((c) => (
            <Link key={c.slug} href={`/category/${c.slug}`}>
              {c.name}
            </Link>
          ))}
          <Link href="/search">Search</Link>
        </nav>
      </div>
    </header>
  );
}
