import { NextResponse, type NextRequest } from "next/server";
import { startPortal } from "@/lib/billing/checkout";
import { loginHref } from "@/lib/site";
import { currentViewer } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";

/** The link in billing mails: opens a fresh Stripe billing-portal session for the signed-in reader. */
export async function GET(req: NextRequest): Promise<Response> {
  const viewer = await currentViewer();
  if (viewer.kind !== "member") return NextResponse.redirect(new URL(loginHref("/account/billing"), req.nextUrl));
  const res = NextResponse.redirect(await startPortal(viewer.userId), 303);
  res.headers.set("cache-control", "private, no-store");
  return res;
}
