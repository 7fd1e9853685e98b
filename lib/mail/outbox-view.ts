import "server-only";
import { notFound } from "next/navigation";
import { config } from "@/lib/env";

/** The local outbox exists in demo mode only; everywhere else its routes 404. */
export function requireDemoMode(): void {
  if (!config().demoMode) notFound();
}
