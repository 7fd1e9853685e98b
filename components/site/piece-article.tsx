import Link from "next/link";
import type { PieceForViewer } from "@/lib/pieces/reading";
import { categoryHref, pieceHref } from "@/lib/site";
import { Byline } from "./byline";
import { formatDate } from "@/lib/format";
import { Paywall } from "./paywall";
import { RichText } from "./rich-text";
import { SourceReport } from "./source-report";
import { VisibilityBadge } from "./visibility-badge";
import { RiskCard } from "./risk-card";
import type { RiskForViewer } from "@/lib/risk/types";

export function PieceArticle({ piece, body, risk }: PieceForViewer & { risk?: RiskForViewer }) {
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
          {piece.authorName ? (
            <>
              <Byline name={piece.authorName} slug={piece.authorSlug} /> ·{" "}
            </>
          ) : null}
          <time dateTime={piece.publishedAt.toISOString()}>{formatDate(piece.publishedAt)}</time>
        </p>
      </header>
      {piece.source ? <SourceReport source={piece.source} /> : null}
      <RichText className="prose teaser-body" markdown={piece.teaser} />
      {risk ? <RiskCard risk={risk} /> : null}
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
