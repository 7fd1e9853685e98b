import Link from "next/link";
import type { PieceTeaser } from "@/lib/pieces/queries";
import { categoryHref, pieceHref } from "@/lib/site";
import { formatDate } from "@/lib/format";
import { RichText } from "./rich-text";
import { VisibilityBadge } from "./visibility-badge";
import { Byline } from "./byline";

export function TeaserCard({ piece }: { piece: PieceTeaser }) {
  return (
    <li className="teaser-card">
      <div className="meta-row">
        <Link className="kicker" href={categoryHref(piece.categorySlug)}>
          {piece.category}
        </Link>
        <time className="meta" dateTime={piece.publishedAt.toISOString()}>
          {formatDate(piece.publishedAt)}
        </time>
        <VisibilityBadge visibility={piece.visibility} />
      </div>
      <h2>
        <Link href={pieceHref(piece.slug)}>{piece.headline}</Link>
      </h2>
      {piece.authorName ? (
        <p className="meta byline">
          <Byline name={piece.authorName} slug={piece.authorSlug} />
        </p>
      ) : null}
      <RichText className="teaser-text" markdown={piece.teaser} />
      <Link className="read-more" href={pieceHref(piece.slug)} aria-label={`Read: ${piece.headline}`}>
        Read the analysis →
      </Link>
    </li>
  );
}
