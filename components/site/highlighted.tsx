import type { Segment } from "@/lib/pieces/highlight";

/** A search snippet: matched words in <mark>, everything as text (never as HTML). */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.marked ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}
