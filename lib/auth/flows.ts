import "server-only";
import { z } from "zod";
import { config } from "@/lib/env";
import { signInMailAllowed } from "./sign-in-limits";
import { signIn } from "./index";
import { EmailAddress } from "./email";
import { safeNext } from "./redirect";
import { withSessionFlash } from "@/lib/site";
import { allowCallbackHere, bindThisBrowser, thisBrowsersBinding, withSignInBinding } from "./browser-binding";
import { rememberSignupSource } from "@/lib/numbers/signup-source";
import { redeemCode, redeemLink, type Redemption } from "./sign-in-codes";

export type FormResult = { ok: true; email: string; next: string } | { ok: false; error: string; email?: string };

const RequestForm = z.object({ email: EmailAddress, next: z.string().optional() });

/** Sends a sign-in mail within the limits (lib/auth/sign-in-limits.ts). Same answer for known and unknown addresses. */
export async function requestSignIn(input: { email: unknown; next: unknown }, client: string | null): Promise<FormResult> {
  const parsed = RequestForm.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Enter a valid email address." };
  const { email } = parsed.data;
  const next = safeNext(parsed.data.next);
  if (!(await signInMailAllowed(email, client))) {
    return { ok: false, error: `Too many sign-in emails requested. Wait ${config().signInLimits.windowMinutes} minutes and try again.`, email };
  }
  const binding = await bindThisBrowser();
  await withSignInBinding(binding, () => signIn("email", { email, redirectTo: withSessionFlash(next, "signed-in"), redirect: false }));
  await rememberSignupSource(email, next);
  return { ok: true, email, next };
}

const CodeForm = z.object({
  email: EmailAddress,
  code: z
    .string()
    .transform((s) => s.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from the email.")),
});

export async function signInWithCode(input: { email: unknown; code: unknown }): Promise<Redemption> {
  const parsed = CodeForm.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Enter the 6-digit code." };
  const redeemed = await redeemCode(parsed.data.email, parsed.data.code);
  if (redeemed.ok) await allowCallbackHere(redeemed.url);
  return redeemed;
}

export async function signInWithLink(linkId: unknown): Promise<Redemption> {
  const parsed = z.string().min(10).max(100).safeParse(linkId);
  if (!parsed.success) return { ok: false, error: "This sign-in link is not valid. Request a new one." };
  const redeemed = await redeemLink(parsed.data, new Date(), await thisBrowsersBinding());
  if ("otherBrowser" in redeemed) {
    // Not the browser that asked: it may still sign in here by typing the mailed code.
    const { email, next } = redeemed.otherBrowser;
    return { ok: true, url: `/login/check?email=${encodeURIComponent(email)}&next=${encodeURIComponent(safeNext(next))}&browser=other` };
  }
  if (redeemed.ok) await allowCallbackHere(redeemed.url);
  return redeemed;
}
