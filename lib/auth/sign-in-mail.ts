import "server-only";
import { renderSignIn } from "@/emails/render";
import { config } from "@/lib/env";
import { sendMail } from "@/lib/mail/transport";
import { mailPublication } from "@/lib/mail/publication";
import { currentSignInBinding } from "./browser-binding";
import { isOwnUrl } from "./own-origin";
import { issueSignIn, SIGN_IN_TTL_MINUTES } from "./sign-in-codes";

/** Auth.js hands us its callback URL; the reader gets our confirmation link and a code instead. */
export async function sendSignInMail(email: string, authCallbackUrl: string): Promise<void> {
  const cfg = config();
  if (!isOwnUrl(authCallbackUrl)) throw new Error(`refusing to mail a sign-in link off this site's origin: ${new URL(authCallbackUrl).origin}`);
  const issued = await issueSignIn(email, authCallbackUrl, new Date(), currentSignInBinding());
  const url = `${cfg.appUrl}/login/confirm?id=${encodeURIComponent(issued.linkId)}`;
  const rendered = await renderSignIn({
    url,
    code: issued.code,
    expiresInMinutes: SIGN_IN_TTL_MINUTES,
    publication: mailPublication(),
  });
  await sendMail({ to: email, subject: `Your ${cfg.publication.name} sign-in code: ${issued.code}`, ...rendered });
}
