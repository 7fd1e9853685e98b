import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { safeNext } from "@/lib/auth/redirect";
import { customerIdOf } from "@/lib/billing/account";
import { syncCustomer } from "@/lib/billing/sync";
import { finishPayFirst } from "@/lib/billing/pay-first";
import { PAY_FIRST_COOKIE, PAY_FIRST_COOKIE_PATH } from "@/lib/billing/pay-first-cookie";
import { trustedClientAddress } from "@/lib/http/client";
import { loginHref, withSessionFlash } from "@/lib/site";
import { currentViewer } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";

const SessionId = z.string().regex(/^cs_[A-Za-z0-9_]{1,200}$/);

const redirectTo = (path: string, req: NextRequest): NextResponse => {
  const res = NextResponse.redirect(new URL(path, req.nextUrl), 303);
  res.headers.set("cache-control", "private, no-store");
  return res;
};

/**
 * Return from Checkout: converge the signed-in reader's subscriptions now, so the piece opens without
 * waiting for the webhook, and the page says "You're subscribed" (once the viewer is one). A reader who
 * paid first is signed in only in the browser that began Checkout (lib/billing/pay-first.ts); the URL
 * itself grants nothing and signs nobody in.
 */
export async function GET(req: NextRequest): Promise<Response> {
  const next = safeNext(req.nextUrl.searchParams.get("next"));
  const viewer = await currentViewer();
  if (viewer.kind === "member") {
    const customer = await customerIdOf(viewer.userId);
    if (customer) await syncCustomer(customer);
    return redirectTo(withSessionFlash(next, "subscribed"), req);
  }
  const sessionId = SessionId.safeParse(req.nextUrl.searchParams.get("session_id"));
  const outcome = sessionId.success ? await finishPayFirst(sessionId.data, req.cookies.get(PAY_FIRST_COOKIE)?.value ?? null, { next, client: trustedClientAddress(req.headers) }) : { kind: "refused" as const };
  switch (outcome.kind) {
    case "refused":
      return redirectTo(loginHref(next), req);
    case "confirm-email": {
      const res = redirectTo(`/login/check?email=${encodeURIComponent(outcome.email)}&next=${encodeURIComponent(next)}&paid=${outcome.mailed ? "1" : "later"}`, req);
      res.cookies.delete({ name: PAY_FIRST_COOKIE, path: PAY_FIRST_COOKIE_PATH });
      return res;
    }
    case "signed-in": {
      const res = redirectTo(withSessionFlash(next, "subscribed"), req);
      const { name, value, options } = outcome.session.cookie;
      res.cookies.set(name, value, options);
      res.cookies.delete({ name: PAY_FIRST_COOKIE, path: PAY_FIRST_COOKIE_PATH });
      return res;
    }
  }
}
