"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/action";
import type { SignInState } from "@/lib/actions/form-state";
import { requestSignIn, signInWithCode, signInWithLink } from "@/lib/auth/flows";

async function clientIp(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
}

// The lib flows check the address and the code themselves, with their own messages.
const RequestForm = z.object({ email: z.string({ error: "Enter your email address." }), next: z.string().optional() });
const CodeForm = z.object({ email: z.string({ error: "Enter your email address." }), code: z.string({ error: "Enter the 6-digit code from the email." }) });
const LinkForm = z.object({ id: z.string({ error: "This sign-in link is not valid. Request a new one." }) });

export const requestSignInAction = formAction({ guard: "anyone", from: "/login", input: RequestForm }, async ({ email, next }): Promise<SignInState> => {
  const result = await requestSignIn({ email, next }, await clientIp());
  if (!result.ok) return { ok: false, error: result.error, email };
  redirect(`/login/check?email=${encodeURIComponent(result.email)}&next=${encodeURIComponent(result.next)}`);
});

/** `navigateTo` is Auth.js's callback: the browser must load it as a page so its session cookie is set. */
export const signInWithCodeAction = formAction({ guard: "anyone", from: "/login", input: CodeForm }, async (input): Promise<SignInState> => {
  const result = await signInWithCode(input);
  return result.ok ? { navigateTo: result.url } : { error: result.error };
});

export const confirmLinkAction = formAction({ guard: "anyone", from: "/login", input: LinkForm }, async ({ id }): Promise<SignInState> => {
  const result = await signInWithLink(id);
  return result.ok ? { navigateTo: result.url } : { error: result.error };
});
