import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { config } from "@/lib/env";
import { callbackAllowed, callbackCookieName } from "./browser-binding";
import { isClosedAuthRoute } from "./closed-routes";
import { handlers } from "./index";

const EMAIL_CALLBACK = "/api/auth/callback/email";

/** Auth.js's email callback signs in whoever follows it: only the browser that redeemed the link or code may. */
export const GET = (req: NextRequest) => {
  if (req.nextUrl.pathname === EMAIL_CALLBACK && !callbackAllowed(req.url, req.cookies.get(callbackCookieName)?.value)) {
    return NextResponse.redirect(new URL("/login?error=browser", config().appUrl), { status: 303 });
  }
  return handlers.GET(req);
};

export const POST = (req: NextRequest) =>
  isClosedAuthRoute(req.nextUrl.pathname) ? Response.json({ error: "Sign in at /login." }, { status: 404 }) : handlers.POST(req);
