"use client";

import { ErrorPanel, type ErrorPageProps } from "@/components/ui/error-panel";

export default function AdminError(props: ErrorPageProps) {
  return (
    <ErrorPanel {...props}>
      This page could not be loaded just now. Try again; if it keeps happening, the server log has the details under the
      reference below.
    </ErrorPanel>
  );
}
