import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { config } from "@/lib/env";
import { PAY_FIRST_SECONDS } from "./pay-first";

/** The secret of the browser that began a pay-first Checkout (lib/billing/pay-first.ts); only the return from Checkout reads it. */
export const PAY_FIRST_COOKIE = "esm-checkout-browser";
export const PAY_FIRST_COOKIE_PATH = "/billing/success";

/** A fresh secret for this browser's new Checkout; sent back only to the return URL (so a newer Checkout replaces it). */
export async function payFirstBrowserSecret(): Promise<string> {
  const value = randomBytes(24).toString("base64url");
  (await cookies()).set(PAY_FIRST_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    secure: config().appUrl.startsWith("https://"),
    path: PAY_FIRST_COOKIE_PATH,
    maxAge: PAY_FIRST_SECONDS,
  });
  return value;
}
