import "server-only";
import { safeEqual } from "@/lib/auth/seal";
import { CLIENT_ADDRESS_HEADER, FRONT_TOKEN_HEADER, frontToken } from "./front-token.mjs";

/**
 * The client's address as `npm start`'s front (scripts/serve.mjs) saw it, or null when the request
 * did not come through it (`next dev`, plain `next start`): then no per-client limit can be fair.
 */
export function trustedClientAddress(headers: Pick<Headers, "get">): string | null {
  const token = headers.get(FRONT_TOKEN_HEADER);
  if (!token || !safeEqual(token, frontToken())) return null;
  return headers.get(CLIENT_ADDRESS_HEADER);
}
