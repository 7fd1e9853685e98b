import { NextResponse, type NextRequest } from "next/server";
import { safeNext } from "@/lib/auth/redirect";
import { customerIdOf } from "@/lib/billing/account";
import { syncCustomer } from "@/lib/billing/sync";
import { loginHref, withSessionFlash } from "@/lib/site";
import { currentViewer } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";

/**
 * Return from Checkout: converge the signed-in reader's subscriptions now, so the piece
 * opens without waiting for the webhook, and the page says "You're subscribed" (once the viewer is one).
 * The URL itself grants nothing and signs nobody in.
 */
export async function GET(req: NextRequest): Promise<Response> {
  const next = safeNext(req.nextUrl.searchParams.get("next"));
  const viewer = await currentViewer();
  if (viewer.kind !== "member") return NextResponse.redirect(new URL(loginHref(next), req.nextUrl));
  const customer = await customerIdOf(viewer.userId);
  if (customer) await syncCustomer(customer);
  const res = NextResponse.redirect(new URL(withSessionFlash(next, "subscribed"), req.nextUrl), 303);
  res.headers.set("cache-control", "private, no-store");
  return res;
}
