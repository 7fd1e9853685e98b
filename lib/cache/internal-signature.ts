import "server-only";
import { config } from "@/lib/env";
import { hmac, safeEqual } from "@/lib/auth/seal";

const PURPOSE = "revalidate";
const WINDOW_MS = 5 * 60_000;

function signature(timestamp: string): string {
  return hmac(timestamp, config().authSecret, PURPOSE);
}

/** Headers that let a worker ask the app to invalidate its pages (signed with the app secret). */
export function signedInternalHeaders(now = Date.now()): Record<string, string> {
  const ts = now.toString();
  return { "x-esm-timestamp": ts, "x-esm-signature": signature(ts) };
}

export function verifyInternalHeaders(headers: Headers, now = Date.now()): boolean {
  const ts = headers.get("x-esm-timestamp") ?? "";
  const sig = headers.get("x-esm-signature") ?? "";
  return /^\d{10,16}$/.test(ts) && Math.abs(now - Number(ts)) <= WINDOW_MS && safeEqual(sig, signature(ts));
}
