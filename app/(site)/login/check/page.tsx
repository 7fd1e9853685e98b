import type { Metadata } from "next";
import Link from "next/link";
import { CodeForm } from "@/components/site/code-form";
import { signInWithCodeAction } from "../actions";
import { EmailAddress } from "@/lib/auth/email";
import { safeNext } from "@/lib/auth/redirect";
import { loginHref } from "@/lib/site";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string; next?: string; browser?: string; paid?: string }> }) {
  const sp = await searchParams;
  const email = EmailAddress.safeParse(sp.email);
  const next = safeNext(sp.next);
  return (
    <div className="wrap narrow">
      <h1>Check your email</h1>
      {sp.paid ? (
        <p className="notice" role="status">
          Your payment went through. This address already has an account, so confirm it is yours by email first: open the link
          or type the code, and your subscription is there when you sign in.
          {sp.paid === "later" ? " Too many sign-in emails were asked for just now: request one below in a few minutes." : null}
        </p>
      ) : null}
      {sp.browser === "other" ? (
        <p className="notice" role="status">
          That link was opened in a different browser from the one that asked for it. To sign in here, type the 6-digit
          code from the same email.
        </p>
      ) : null}
      {email.success ? (
        <>
          <p>
            If <strong>{email.data}</strong> can receive mail, a sign-in link and a 6-digit code are on their way. Open
            the link, or type the code here (handy if the mail is on another device). Both expire in 15 minutes.
          </p>
          <CodeForm action={signInWithCodeAction} email={email.data} />
        </>
      ) : (
        <p>We sent you a sign-in link.</p>
      )}
      <p className="meta">
        Nothing arrived? Check spam, or <Link href={loginHref(next)}>send a new link</Link>.
      </p>
    </div>
  );
}
