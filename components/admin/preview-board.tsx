import Link from "next/link";
import type { PreviewReader } from "@/lib/pieces/preview";
import type { PieceMailPreview } from "@/lib/newsletter/mail-preview";
import "./preview-board.css";

/**
 * The preview of one piece: its page as each kind of reader gets it (framed from /preview/[id]/[reader],
 * the site's own page) at a desktop or phone width, and its mail as the send would make it.
 */
export type PreviewWidth = "desktop" | "phone";

const READERS: { reader: PreviewReader; label: string }[] = [
  { reader: "anonymous", label: "Anonymous reader" },
  { reader: "free", label: "Free member" },
  { reader: "subscriber", label: "Paying subscriber" },
];
const SITE_WIDTH: Record<PreviewWidth, number> = { desktop: 1280, phone: 360 };
const MAIL_WIDTH: Record<PreviewWidth, number> = { desktop: 600, phone: 360 };

export function PreviewBoard({ pieceId, reader, width, mail }: { pieceId: string; reader: PreviewReader; width: PreviewWidth; mail: PieceMailPreview }) {
  const here = (r: PreviewReader, w: PreviewWidth) => `/admin/pieces/${pieceId}/preview?as=${r}&width=${w}`;
  const readerLabel = READERS.find((r) => r.reader === reader)?.label ?? reader;
  const widths: { w: PreviewWidth; label: string }[] = [
    { w: "desktop", label: `Desktop (${SITE_WIDTH.desktop} px)` },
    { w: "phone", label: `Phone (${SITE_WIDTH.phone} px)` },
  ];
  return (
    <>
      <section aria-labelledby="preview-site" className="preview-board">
        <h2 id="preview-site" className="section-title">
          On the site
        </h2>
        <nav className="chips" aria-label="Reader">
          {READERS.map((r) => (
            <Link key={r.reader} href={here(r.reader, width)} aria-current={r.reader === reader ? "page" : undefined}>
              {r.label}
            </Link>
          ))}
        </nav>
        <nav className="chips" aria-label="Width">
          {widths.map(({ w, label }) => (
            <Link key={w} href={here(reader, w)} aria-current={w === width ? "page" : undefined}>
              {label}
            </Link>
          ))}
        </nav>
        {/* Focusable, so a keyboard can scroll a page wider than the screen. */}
        <div className="preview-frame-scroll" role="region" aria-label={`${readerLabel}, ${SITE_WIDTH[width]} px`} tabIndex={0}>
          <iframe
            className="preview-frame"
            title={`The piece's page as a ${readerLabel.toLowerCase()} sees it, ${SITE_WIDTH[width]} px wide`}
            src={`/preview/${pieceId}/${reader}`}
            sandbox="allow-same-origin"
            width={SITE_WIDTH[width]}
            height={1100}
          />
        </div>
      </section>
      <section aria-labelledby="preview-mail" className="preview-board">
        <h2 id="preview-mail" className="section-title">
          In the inbox
        </h2>
        <dl className="preview-inbox" data-testid="mail-heading">
          <dt>From</dt>
          <dd>{mail.from}</dd>
          <dt>Subject</dt>
          <dd data-testid="mail-subject">{mail.subject}</dd>
          <dt>Preheader</dt>
          <dd data-testid="mail-preheader">{mail.preheader}</dd>
        </dl>
        <p className="meta">Both variants go out with this subject and preheader. Shown as you would get them, with your own unsubscribe link.</p>
        <div className="preview-mails">
          {(
            [
              ["full", "Paid subscribers: the full text", mail.full],
              ["teaser", "Free members: the teaser and the Join button", mail.teaser],
            ] as const
          ).map(([variant, label, m]) => (
            <figure key={variant} className="preview-mail">
              <figcaption>{label}</figcaption>
              <iframe title={`Mail to ${variant === "full" ? "paid subscribers" : "free members"}, ${MAIL_WIDTH[width]} px wide`} srcDoc={m.html} sandbox="" width={MAIL_WIDTH[width]} height={1000} />
            </figure>
          ))}
        </div>
      </section>
    </>
  );
}
