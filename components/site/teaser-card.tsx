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
      {/* The accessible name starts with the visible words (WCAG 2.5.3) and says which piece. */}
      <Link className="read-more" href={pieceHref(piece.slug)}>
        Read the analysis<span className="visually-hidden">: {piece.headline}</span> <span aria-hidden="true">→</span>
      </Link>
    </li>
  );
}
