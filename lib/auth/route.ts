import "server-only";
import type { NextRequest } from "next/server";
import { isClosedAuthRoute } from "./closed-routes";
import { handlers } from "./index";

export const GET = (req: NextRequest) => handlers.GET(req);
export const POST = (req: NextRequest) =>
  isClosedAuthRoute(req.nextUrl.pathname) ? Response.json({ error: "Sign in at /login." }, { status: 404 }) : handlers.POST(req);
