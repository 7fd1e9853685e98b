import Link from "next/link";
import { requireStaff } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";

export const metadata = { title: "Staff", robots: { index: false } };

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaff("/admin");
  return (
    <>
      <header className="masthead">
        <div className="wrap masthead-top">
          <Link href="/admin" className="brand">
            <span className="brand-name">ESM Insight · Staff</span>
            <span className="brand-tagline">
              Signed in as {staff.email} ({staff.role})
            </span>
          </Link>
          <div className="masthead-actions">
            <Link href="/" className="link-quiet">
              View site
            </Link>
          </div>
        </div>
      </header>
      <main id="content">{children}</main>
    </>
  );
}
