"use client";

import { createContext, useContext, type ReactNode } from "react";

/** The configured publication's words, for client components (which cannot read the configuration). */
export interface PublicationWords {
  name: string;
  joinLabel: string;
}

const PublicationContext = createContext<PublicationWords | null>(null);

export function PublicationProvider({ value, children }: { value: PublicationWords; children: ReactNode }) {
  return <PublicationContext value={value}>{children}</PublicationContext>;
}

export function usePublication(): PublicationWords {
  const words = useContext(PublicationContext);
  if (!words) throw new Error("usePublication needs the PublicationProvider of app/layout.tsx");
  return words;
}
