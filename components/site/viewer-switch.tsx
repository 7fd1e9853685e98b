"use client";

import { usePathname } from "next/navigation";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { ViewerCategory } from "@/lib/access/rule";
import { viewerAnswerFor } from "./viewer-request";

/** The viewer's category, asked once per page path. */
export function categoryFor(path: string): Promise<ViewerCategory> {
  return viewerAnswerFor(path).then((answer) => answer.category);
}

const ShownCategory = createContext<ViewerCategory | null>(null);

/** Staff previews of a page: every switch inside shows this category's variant and asks nothing. */
export function ShowViewerAs({ category, children }: { category: ViewerCategory; children: ReactNode }) {
  return <ShownCategory value={category}>{children}</ShownCategory>;
}

/**
 * The viewer-aware hole in a cached page: the server renders every variant (calls to action only,
 * nothing gated), and the browser shows the one for the viewer, asked once per page (viewer-request.ts; private, no-store).
 * Until the answer arrives the space is kept but hidden, so a subscriber never glimpses "Join".
 */
export function ViewerSwitch({
  anonymous = null,
  free = null,
  subscriber = null,
  pastDue = null,
  className,
}: {
  anonymous?: ReactNode;
  free?: ReactNode;
  subscriber?: ReactNode;
  pastDue?: ReactNode;
  className?: string;
}) {
  const path = usePathname();
  const shown = useContext(ShownCategory);
  const [asked, setCategory] = useState<ViewerCategory | null>(null);
  const category = shown ?? asked;
  useEffect(() => {
    if (shown) return;
    let current = true;
    void categoryFor(path).then((c) => {
      if (current) setCategory(c);
    });
    return () => {
      current = false;
    };
  }, [path, shown]);
  const slots: Record<ViewerCategory, ReactNode> = { anonymous, free, subscriber, past_due: pastDue };
  return (
    <div className={["viewer-switch", className].filter(Boolean).join(" ")} data-viewer={category ?? "pending"}>
      {slots[category ?? "anonymous"]}
    </div>
  );
}
