import type { Visibility } from "@/lib/access/rule";

const LABELS: Record<Visibility, string> = { public: "Free to read", members: "Members", paid: "Subscribers" };

export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  return <span className="badge">{LABELS[visibility]}</span>;
}
