import Link from "next/link";
import type { PieceForViewer } from "@/lib/pieces/reading";
import { categoryHref, pieceHref } from "@/lib/site";
import { formatDate } from "@/lib/format";
import { Paywall } from "./paywall";
import { RichText } from "./rich-text";
import { SourceReport } from "./source-report";
import { VisibilityBadge } from "./visibility-badge";

export function PieceArticle({ piece, body }: PieceForViewer) {
  return (
    <article className="wrap narrow">
      <header className="article-header">
        <div className="meta-row">
          <Link className="kicker" href={categoryHref(piece.categorySlug)}>
            {piece.category}
          </Link>
          <VisibilityBadge visibility={piece.visibility} />
        </div>
        <h1>{piece.headline}</h1>
        <p className="byline">
          {piece.authorName ? <>By {piece.authorName} · </> : null}
          <time dateTime={piece.publishedAt.toISOString()}>{formatDate(piece.publishedAt)}</time>
        </p>
      </header>
      {piece.source ? <SourceReport source={piece.source} /> : null}
      <RichText className="prose teaser-body" markdown={piece.teaser} />
      {body.kind === "full" ? (
        <>
          <hr className="analysis-rule" />
          <div className="prose analysis-body" dangerouslySetInnerHTML={{ __html: body.analysisHtml }} />
        </>
      ) : (
        <Paywall reason={body.reason} next={pieceHref(piece.slug)} pitch={piece.ctaPitch} buttonText={piece.ctaButton} />
      )}
    </article>
  );
}
