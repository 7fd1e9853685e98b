import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES, SESSION_HINT_COOKIE } from "@/lib/auth/cookie-names";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-age";
import { newNonce, noncePolicy } from "@/lib/http/csp.mjs";

const STAFF_OR_ACCOUNT = /^\/(?:account|admin|preview)(?:\/|$)/;
/** Pages rendered per request (so Next can put a nonce on their scripts): the reader page and the signed-in areas. */
const PER_REQUEST = /^\/(?:account|admin|preview|read)(?:\/|$)/;
/** The staff preview of a piece, framed by /admin/pieces/[id]/preview (next.config.ts lets this origin frame it). */
const FRAMABLE = /^\/preview(?:\/|$)/;
/** `next dev` renders every page per request and has no front to hash its cached pages, so each gets a nonce there. */
const DEV = process.env.NODE_ENV === "development";

/**
 * Three jobs, none of them access control (every page, route handler and action checks access
 * itself on the server): someone with no session cookie at all who asks for /account or /admin
 * goes straight to sign-in, and pages rendered per request get a nonce-based CSP. Cached pages
 * (the anonymous home, teasers, categories, and the anonymous pages rendered per request) get theirs by hash from npm start's front
 * (lib/http/front-response.mjs): a nonce would make them dynamic. And a browser with a session cookie
 * gets the session hint its pages' islands look for.
 */
export function proxy(req: NextRequest): NextResponse {
  const { pathname, search } = req.nextUrl;
  const hasSession = SESSION_COOKIES.some((name) => req.cookies.has(name));
  if (!hasSession && STAFF_OR_ACCOUNT.test(pathname)) {
    const login = new URL("/login", req.nextUrl);
    login.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const perRequest = DEV || PER_REQUEST.test(pathname);
  if (!perRequest) return withSessionHint(req, hasSession, NextResponse.next());
  const csp = noncePolicy(newNonce(), DEV, FRAMABLE.test(pathname));
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  return withSessionHint(req, hasSession, res);
}

/** A request with a session cookie but no hint gets the hint (lib/auth/cookie-names.ts); a CDN never stores it (it bypasses on the session cookie). */
function withSessionHint(req: NextRequest, hasSession: boolean, res: NextResponse): NextResponse {
  if (hasSession && !req.cookies.has(SESSION_HINT_COOKIE)) {
    res.cookies.set(SESSION_HINT_COOKIE, "1", {
      path: "/",
      sameSite: "lax",
      secure: req.nextUrl.protocol === "https:",
      maxAge: SESSION_MAX_AGE_SECONDS,
    });
  }
  return res;
}

export const config = {
  // Every page but Next's static files and the API routes (each checks its own caller): production returns at once for the paths not named in PER_REQUEST.
  matcher: ["/((?!_next/static|_next/image|api/).*)"],
};
