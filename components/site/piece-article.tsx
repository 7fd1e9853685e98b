import { ReadBeacon } from "./read-beacon";
import Link from "next/link";
import type { ViewerCategory } from "@/lib/access/rule";
import type { PieceTeaser } from "@/lib/pieces/queries";
import type { PieceForViewer } from "@/lib/pieces/reading";
import { categoryHref, pieceHref, readHref } from "@/lib/site";
import { Byline } from "./byline";
import { formatDate } from "@/lib/format";
import { MoreAnalysis } from "./more-analysis";
import { Paywall } from "./paywall";
import { SubscribeBox } from "./subscribe-box";
import { RichText } from "./rich-text";
import { SourceReport } from "./source-report";
import { VisibilityBadge } from "./visibility-badge";
import { PieceEdition } from "./piece-edition";
import { ReaderEdition } from "./reader-edition";
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

/** The cached page's follow actions: given, the page is the anonymous edition with the viewer's island. */
export interface LiveEdition {
  followAct: FollowControls["followAct"];
  unfollowAct: FollowControls["unfollowAct"];
}

export function PieceArticle({
  piece,
  body,
  risk,
  follow,
  viewer,
  price,
  more,
  live,
}: PieceForViewer & PieceEnd & { risk?: RiskForViewer; follow?: FollowControls; live?: LiveEdition }) {
  const here = pieceHref(piece.slug);
  const paywallFor = (reason: "sign-in" | "subscribe", category: ViewerCategory) => (
    <Paywall reason={reason} viewer={category} next={here} pitch={piece.ctaPitch} buttonText={piece.ctaButton} price={price} />
  );
  const shared = { subscribeBox: <SubscribeBox next={here} />, more: <MoreAnalysis pieces={more} /> };
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
      {live && body.kind === "paywall" ? (
        <noscript>
          <p className="fine">
            Signed in? <a href={readHref(piece.slug)}>Open the analysis as your account allows</a>.
          </p>
        </noscript>
      ) : null}
      {live ? (
        <ReaderEdition
          pieceId={piece.id}
          slug={piece.slug}
          body={body}
          risk={risk ?? { kind: "none" }}
          paywalls={{
            anonymous: body.kind === "paywall" ? paywallFor(body.reason, "anonymous") : null,
            free: paywallFor("subscribe", "free"),
            pastDue: paywallFor("subscribe", "past_due"),
          }}
          followAct={live.followAct}
          unfollowAct={live.unfollowAct}
          {...shared}
        />
      ) : (
        <PieceEdition body={body} risk={risk} follow={follow} paywall={body.kind === "paywall" ? paywallFor(body.reason, viewer) : null} {...shared} />
      )}
    </article>
  );
}
