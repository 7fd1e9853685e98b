import { renderMarkdown } from "@/lib/pieces/markdown";

/** A teaser's staff markdown, rendered through the sanitizer. */
export function RichText({ markdown, className }: { markdown: string; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown, "teaser") }} />;
}
