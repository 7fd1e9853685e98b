import "server-only";
import { config } from "@/lib/env";

/** True when `url` is on the configured APP_URL's origin: where a sign-in may send a browser. */
export function isOwnUrl(url: string): boolean {
  try {
    return new URL(url).origin === new URL(config().appUrl).origin;
  } catch {
    return false;
  }
}
