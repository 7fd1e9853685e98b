"use client";

import { useEffect } from "react";

/** Loads `url` as a full page (not a client-side transition). Returns whether it is leaving. */
export function useFullNavigation(url: string | undefined): boolean {
  useEffect(() => {
    if (url) window.location.assign(url);
  }, [url]);
  return url !== undefined;
}
