import type { SourceReport as Source } from "@/lib/pieces/queries";
import { formatDate } from "@/lib/format";

export function SourceReport({ source }: { source: Source }) {
  return (
    <aside className="source-report" aria-label="The report this analysis responds to">
      <p className="label">The report{source.category ? ` · ${source.category}` : ""}</p>
      <p className="outlet">
        <strong>{source.outlet}</strong>
        {source.tagline ? <span className="outlet-tagline"> — {source.tagline}</span> : null}
      </p>
      <h2>
        {source.url ? (
          <a href={source.url} rel="noopener noreferrer nofollow">
            {source.headline}
          </a>
        ) : (
          source.headline
        )}
      </h2>
      {source.body ? <p className="summary">{source.body}</p> : null}
      {source.publishedAt ? (
        <p className="meta">
          Published <time dateTime={source.publishedAt.toISOString()}>{formatDate(source.publishedAt)}</time>
        </p>
      ) : null}
    </aside>
  );
}
