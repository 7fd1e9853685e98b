"use client";

import { useEffect, useState } from "react";
import { parseMoreItems, type MoreItem } from "@/lib/pieces/more-item";
import { MoreAnalysis } from "./more-analysis";

/**
 * The 404 page's latest pieces, asked of /api/latest once it shows: the 404 is also every page's
 * not-found boundary, rendered into each of their payloads, so it reads nothing itself.
 */
export function LatestAnalysis() {
  const [pieces, setPieces] = useState<MoreItem[]>([]);
  useEffect(() => {
    const abort = new AbortController();
    fetch("/api/latest", { signal: abort.signal })
      .then((res) => (res.ok ? (res.json() as Promise<unknown>) : null))
      .then((body) => setPieces(parseMoreItems(body)))
      .catch(() => undefined);
    return () => abort.abort();
  }, []);
  return <MoreAnalysis pieces={pieces} title="Latest analysis" />;
}
