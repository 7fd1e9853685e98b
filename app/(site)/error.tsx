"use client";

import { ErrorPanel, type ErrorPageProps } from "@/components/ui/error-panel";

export default function SiteError(props: ErrorPageProps) {
  return (
    <ErrorPanel {...props}>
      The page could not be loaded just now. Nothing you did caused it, and nothing was charged or changed twice. Try again
      in a moment; if it keeps happening, write to us and quote the reference below.
    </ErrorPanel>
  );
}
