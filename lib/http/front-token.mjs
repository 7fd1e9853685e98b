import { randomBytes } from "node:crypto";

/**
 * The front (scripts/serve.mjs) and the app run in one process: a random token, known only to
 * this process, marks the client-address header as set by the front and not by the client.
 */
const store = /** @type {{ esmFrontToken?: string }} */ (globalThis);

export const CLIENT_ADDRESS_HEADER = "x-esm-client-address";
export const FRONT_TOKEN_HEADER = "x-esm-front-token";

export function frontToken() {
  store.esmFrontToken ??= randomBytes(24).toString("base64url");
  return store.esmFrontToken;
}
