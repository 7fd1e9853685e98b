"use client";

import type { EditorValues, PreviewHtml } from "@/lib/publishing/editor-values";
import { usePublication } from "@/components/site/publication-context";

/** What an anonymous reader and a subscriber will see, side by side. */
export function PiecePreview({ values, html }: { values: EditorValues; html: PreviewHtml | null }) {
  const anonymousSeesAll = values.visibility === "public";
  const { joinLabel } = usePublication();
  return (
    <section className="editor-preview" aria-label="Preview">
      <h2 className="section-title">Preview</h2>
      <div className="preview-columns">
        {(["anonymous", "subscriber"] as const).map((who) => (
          <article key={who} className="preview-pane" aria-label={who === "anonymous" ? "Anonymous reader" : "Subscriber"}>
            <p className="kicker">{who === "anonymous" ? "Anonymous reader" : "Subscriber"}</p>
            <h3>{values.headline || "Headline"}</h3>
            <div className="prose" dangerouslySetInnerHTML={{ __html: html?.teaserHtml ?? "" }} />
            {who === "subscriber" || anonymousSeesAll ? (
              <div className="prose" dangerouslySetInnerHTML={{ __html: html?.analysisHtml ?? "" }} />
            ) : (
              <div className="paywall">
                <p>{values.ctaPitch || "Call to action"}</p>
                <span className="button">{joinLabel}</span>
              </div>
            )}
          </article>
        ))}
      </div>
    </section>
  );
}
