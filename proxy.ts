import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES } from "@/lib/auth/cookie-names";

/**
 * Only a convenience redirect: someone with no session cookie at all goes straight to sign-in.
 * Every page, route handler and action still checks access itself on the server.
 */
export function proxy(req: NextRequest): NextResponse {
  if (SESSION_COOKIES.some((name) => req.cookies.has(name))) return NextResponse.next();
  const login = new URL("/login", req.nextUrl);
  login.searchParams.set("next", `${req.nextUrl.pathname}${req.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/account", "/account/:path*", "/admin", "/admin/:path*"],
};
