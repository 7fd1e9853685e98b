import Link from "next/link";
import { isStaff } from "@/lib/access/rule";
import { currentViewer } from "@/lib/auth/viewer";
import { siteConfig } from "@/lib/env";
import "./admin-chrome.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Staff", robots: { index: false } };

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // Every page and action under /admin checks staff access itself (with its own return path);
  // the layout only decides whether to draw the staff chrome.
  const staff = await currentViewer();
  if (staff.kind !== "member" || !isStaff(staff)) return <main id="content">{children}</main>;
  return (
    <>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="masthead admin-masthead">
        <div className="wrap masthead-top">
          <Link href="/admin" className="brand">
            <span className="brand-name">{siteConfig().name} · Staff</span>
            <span className="brand-tagline">
              Signed in as {staff.email} ({staff.role})
            </span>
          </Link>
          <div className="masthead-actions">
            <Link href="/admin/profile" className="link-quiet">
              Your profile
            </Link>
            <Link href="/" className="link-quiet">
              View site
            </Link>
          </div>
        </div>
        <nav className="wrap nav" aria-label="Staff">
          <Link href="/admin">Dashboard</Link>
          <Link href="/admin/pieces">Pieces</Link>
          <Link href="/admin/subscribers">Subscribers</Link>
          <Link href="/admin/sends">Sends</Link>
          <Link href="/admin/numbers">Numbers</Link>
          <Link href="/admin/emails">Email templates</Link>
          {staff.role === "admin" ? (
            <>
              <Link href="/admin/staff">Staff</Link>
              <Link href="/admin/categories">Categories</Link>
              <Link href="/admin/taxonomy">Taxonomy</Link>
              <Link href="/admin/audit">Audit log</Link>
            </>
          ) : null}
        </nav>
      </header>
      <main id="content" className="admin-main">
        {children}
      </main>
    </>
  );
}
