import "server-only";
import { config } from "@/lib/env";
import type { AccessPolicy } from "./rule";

/** The access policy at `now` (default: this instant) with the configured payment grace period. */
export function currentPolicy(now: Date = new Date()): AccessPolicy {
  return { now, paymentGraceDays: config().paymentGraceDays };
}
