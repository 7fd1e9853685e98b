import { parseCookie } from "next/dist/compiled/@edge-runtime/cookies";
import { SESSION_COOKIES } from "./cookie-names";

/**
 * Auth.js's session cookie's value from a raw Cookie header, unchecked (lib/auth/viewer-facts.ts
 * checks it against the sessions table), for npm start's front, which answers some requests before
 * Next sees them (lib/http/front-routes.mjs). It parses with the parser behind Next's `cookies()`,
 * so it reads what `currentSessionToken` reads.
 */
export function sessionTokenOfCookieHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const jar = parseCookie(header);
  return SESSION_COOKIES.map((name) => jar.get(name)).find((value) => value !== undefined && value !== "");
}
