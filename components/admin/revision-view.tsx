import { renderMarkdown } from "@/lib/pieces/markdown";
import type { Snapshot } from "@/lib/revisions/snapshot";

const LINES: [keyof Snapshot, string][] = [
  ["headline", "Headline"],
  ["slug", "Slug"],
  ["category", "Category"],
  ["visibility", "Visibility"],
  ["ctaPitch", "Call to action"],
  ["emailSubject", "Email subject"],
  ["emailPreheader", "Preheader"],
  ["sourceOutlet", "Source outlet"],
  ["sourceHeadline", "Source headline"],
  ["sourceUrl", "Source link"],
  ["sourcePublishedAt", "Source published"],
  ["sourceSummary", "Source summary"],
];

/** A revision's fields as text, its teaser and analysis through the site's sanitizer (never raw HTML). */
export function RevisionView({ fields }: { fields: Snapshot }) {
  return (
    <>
      <dl className="revision-fields">
        {LINES.map(([name, label]) => (
          <div key={name}>
            <dt>{label}</dt>
            <dd>{fields[name] || <span className="meta">(empty)</span>}</dd>
          </div>
        ))}
      </dl>
      <h2>Teaser</h2>
      <div className="prose" data-testid="revision-teaser" dangerouslySetInnerHTML={{ __html: renderMarkdown(fields.teaser, "teaser") }} />
      <h2>Full analysis</h2>
      <div className="prose" data-testid="revision-analysis" dangerouslySetInnerHTML={{ __html: renderMarkdown(fields.analysis) }} />
    </>
  );
}
