import { renderMarkdown } from "@/lib/pieces/markdown";

/** Staff markdown, rendered through the sanitizer. */
export function RichText({ markdown, className }: { markdown: string; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown) }} />;
}
