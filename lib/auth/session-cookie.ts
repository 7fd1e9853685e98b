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
  return sessionTokenIn((name) => jar.get(name));
}

/** Which of Auth.js's session cookies counts: the first of SESSION_COOKIES that is set and not empty. */
export function sessionTokenIn(cookie: (name: string) => string | undefined): string | undefined {
  return SESSION_COOKIES.map(cookie).find((value) => value !== undefined && value !== "");
}
