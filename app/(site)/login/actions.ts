"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requestSignIn, signInWithCode, signInWithLink } from "@/lib/auth/flows";

export type ActionState = { error?: string; email?: string };

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
  if (!result.ok) return { error: result.error };
  redirect(result.url);
}

export async function confirmLinkAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await signInWithLink(form.get("id"));
  if (!result.ok) return { error: result.error };
  redirect(result.url);
}
