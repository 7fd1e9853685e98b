import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { config } from "@/lib/env";
import { hmac, safeEqual } from "./seal";

/**
 * A sign-in is bound to the browser that asked for it (against login CSRF): a cookie set when the
 * mail is requested must come back with the link, and a cookie set when a link or code is redeemed
 * must come back with Auth.js's callback. Any other browser gets the typed-code path instead.
 */
const BINDING_COOKIE = "esm-sign-in-browser";
const CALLBACK_COOKIE = "esm-sign-in-callback";
const BINDING_SECONDS = 15 * 60;
const CALLBACK_SECONDS = 5 * 60;

const secureCookies = () => config().appUrl.startsWith("https://");
const hashOf = (value: string, purpose: string) => hmac(value, config().authSecret, purpose);

/** This browser's binding (set now if it has none); its hash is stored with the sign-in. */
export async function bindThisBrowser(): Promise<string> {
  const jar = await cookies();
  const value = jar.get(BINDING_COOKIE)?.value ?? randomBytes(24).toString("base64url");
  jar.set(BINDING_COOKIE, value, { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: "/", maxAge: BINDING_SECONDS });
  return hashOf(value, "sign-in-browser");
}

export async function thisBrowsersBinding(): Promise<string | null> {
  const value = (await cookies()).get(BINDING_COOKIE)?.value;
  return value ? hashOf(value, "sign-in-browser") : null;
}

const tokenOf = (callbackUrl: string) => new URL(callbackUrl).searchParams.get("token") ?? "";

/** After a link or code was redeemed here: only this browser may follow the callback. */
export async function allowCallbackHere(callbackUrl: string): Promise<void> {
  (await cookies()).set(CALLBACK_COOKIE, hashOf(tokenOf(callbackUrl), "sign-in-callback"), {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/api/auth/callback",
    maxAge: CALLBACK_SECONDS,
  });
}

export function callbackAllowed(callbackUrl: string, cookieValue: string | undefined): boolean {
  return cookieValue !== undefined && safeEqual(cookieValue, hashOf(tokenOf(callbackUrl), "sign-in-callback"));
}

export const callbackCookieName = CALLBACK_COOKIE;

/** Carries the requesting browser's binding from requestSignIn through Auth.js to the mail. */
const requestContext = new AsyncLocalStorage<{ bindingHash: string }>();
export const withSignInBinding = <T>(bindingHash: string, work: () => Promise<T>): Promise<T> => requestContext.run({ bindingHash }, work);
export const currentSignInBinding = (): string | null => requestContext.getStore()?.bindingHash ?? null;
