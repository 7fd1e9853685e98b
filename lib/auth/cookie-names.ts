/**
 * The names of Auth.js's session cookie: plain over http, `__Secure-` prefixed over https.
 * Plain constants (no server-only) so next.config.ts and proxy.ts can import them.
 */
export const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"] as const;
