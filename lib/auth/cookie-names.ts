/**
 * The names of Auth.js's session cookie: plain over http, `__Secure-` prefixed over https.
 * Plain constants (no server-only) so next.config.ts and proxy.ts can import them.
 */
export const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"] as const;

/**
 * A readable cookie that says only "this browser may have a session" (never who): proxy.ts sets it
 * next to a session cookie, and the cached pages' islands ask the server about the viewer only when
 * it is there, so an anonymous reader's page makes no private request. A stale one costs one request.
 */
export const SESSION_HINT_COOKIE = "esm-session-hint";
