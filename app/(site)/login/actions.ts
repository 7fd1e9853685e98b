"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requestSignIn, signInWithCode, signInWithLink } from "@/lib/auth/flows";

/** `navigateTo` is Auth.js's callback: the browser must load it as a page so its session cookie is set. */
export type ActionState = { error?: string; email?: string; navigateTo?: string };

async function clientIp(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
}

export async function requestSignInAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await requestSignIn({ email: form.get("email"), next: form.get("next") }, await clientIp());
  if (!result.ok) return { error: result.error, email: typeof form.get("email") === "string" ? String(form.get("email")) : "" };
  redirect(`/login/check?email=${encodeURIComponent(result.email)}&next=${encodeURIComponent(result.next)}`);
}

export async function signInWithCodeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await signInWithCode({ email: form.get("email"), code: form.get("code") });
  return result.ok ? { navigateTo: result.url } : { error: result.error };
}

export async function confirmLinkAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await signInWithLink(form.get("id"));
  return result.ok ? { navigateTo: result.url } : { error: result.error };
}
