import { ReadBeacon } from "./read-beacon";
import Link from "next/link";
import type { ViewerCategory } from "@/lib/access/rule";
import type { PieceTeaser } from "@/lib/pieces/queries";
import type { PieceForViewer } from "@/lib/pieces/reading";
import { categoryHref, pieceHref } from "@/lib/site";
import { Byline } from "./byline";
import { formatDate } from "@/lib/format";
import { MoreAnalysis } from "./more-analysis";
import { Paywall } from "./paywall";
import { SubscribeBox } from "./subscribe-box";
import { RichText } from "./rich-text";
import { SourceReport } from "./source-report";
import { VisibilityBadge } from "./visibility-badge";
import { RiskCard } from "./risk-card";
import type { FollowControls } from "./risk-follow";
import type { RiskForViewer } from "@/lib/risk/types";

export interface PieceEnd {
  /** What the site offers this viewer (lib/access/rule.ts `viewerCategory`). */
  viewer: ViewerCategory;
  /** The plans' prices for the paywall, or null when unknown. */
  price: string | null;
  /** The latest other pieces. */
  more: PieceTeaser[];
}

export function PieceArticle({ piece, body, risk, follow, viewer, price, more }: PieceForViewer & PieceEnd & { risk?: RiskForViewer; follow?: FollowControls }) {
  const here = pieceHref(piece.slug);
  return (
    <article className="wrap narrow">
      <ReadBeacon slug={piece.slug} />
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
      {risk ? <RiskCard risk={risk} {...(follow ? { follow } : {})} /> : null}
      {body.kind === "full" ? (
        <>
          <hr className="analysis-rule" />
          <div className="prose analysis-body" dangerouslySetInnerHTML={{ __html: body.analysisHtml }} />
        </>
      ) : (
        <Paywall reason={body.reason} viewer={viewer} next={here} pitch={piece.ctaPitch} buttonText={piece.ctaButton} price={price} />
      )}
      <footer className="piece-end">
        {body.kind === "full" ? <SubscribeBox next={here} /> : null}
        <MoreAnalysis pieces={more} />
      </footer>
    </article>
  );
}
