import Link from "next/link";
import type { SearchHit } from "@/lib/pieces/search";
import { categoryHref, pieceHref } from "@/lib/site";
import { formatDate } from "@/lib/format";
import { Highlighted } from "./highlighted";
import { VisibilityBadge } from "./visibility-badge";

export function SearchHitCard({ hit }: { hit: SearchHit }) {
  const { piece } = hit;
  return (
    <li className="teaser-card search-hit">
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
        <Link href={pieceHref(piece.slug)}>
          <Highlighted segments={hit.headline} />
        </Link>
      </h2>
      <p className="snippet">
        <Highlighted segments={hit.snippet} />
      </p>
    </li>
  );
}
