import Link from "next/link";
import { requireStaff } from "@/lib/auth/guards";
import { EMAIL_PREVIEWS, isEmailPreviewId } from "@/lib/mail/previews";

export const metadata = { title: "Email templates" };

/** Every mail template, rendered with example content, at a mail client's width, with its plain-text part. */
export default async function EmailPreviewPage({ searchParams }: { searchParams: Promise<{ t?: string; width?: string }> }) {
  await requireStaff("/admin/emails");
  const sp = await searchParams;
  const id = sp.t && isEmailPreviewId(sp.t) ? sp.t : "new-piece-full";
  const width = sp.width === "360" ? 360 : 600;
  const mail = await EMAIL_PREVIEWS[id].render();
  return (
    <div className="wrap">
      <h1>Email templates</h1>
      <nav className="chips" aria-label="Templates">
        {Object.entries(EMAIL_PREVIEWS).map(([key, p]) => (
          <Link key={key} href={`/admin/emails?t=${key}&width=${width}`} aria-current={key === id ? "page" : undefined}>
            {p.title}
          </Link>
        ))}
      </nav>
      <p className="chips" style={{ marginTop: "1rem" }}>
        <Link href={`/admin/emails?t=${id}&width=600`} aria-current={width === 600 ? "page" : undefined}>
          Desktop (600 px)
        </Link>
        <Link href={`/admin/emails?t=${id}&width=360`} aria-current={width === 360 ? "page" : undefined}>
          Phone (360 px)
        </Link>
      </p>
      <div className="email-preview">
        <iframe title={`Preview: ${EMAIL_PREVIEWS[id].title}`} srcDoc={mail.html} sandbox="" style={{ width, height: 900 }} />
        <section aria-label="Plain-text part">
          <h2 className="section-title">Plain text</h2>
          <pre>{mail.text}</pre>
        </section>
      </div>
    </div>
  );
}
