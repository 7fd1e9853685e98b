import Link from "next/link";
import type { MoreItem } from "@/lib/pieces/more-item";
import { formatDate } from "@/lib/format";
import { pieceHref } from "@/lib/paths";

/** The latest pieces, as links: the end of a piece and the 404 page. */
export function MoreAnalysis({ pieces, title = "More analysis" }: { pieces: MoreItem[]; title?: string }) {
  if (pieces.length === 0) return null;
  return (
    <section className="more-analysis" aria-labelledby="more-analysis-title">
      <h2 id="more-analysis-title">{title}</h2>
      <ul>
        {pieces.map((p) => (
          <li key={p.id}>
            <span className="kicker">{p.category}</span>
            <Link href={pieceHref(p.slug)}>{p.headline}</Link>
            <time className="meta" dateTime={p.publishedAt.toISOString()}>
              {formatDate(p.publishedAt)}
            </time>
          </li>
        ))}
      </ul>
    </section>
  );
}
