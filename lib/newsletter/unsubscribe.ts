import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { auditLog, users } from "@/db/schema";
import { isSuppressed, suppressAddress } from "@/lib/mail/suppression";
import { verifyUnsubscribeToken, type MailKind, type UnsubscribeSubject } from "@/lib/mail/unsubscribe-token";
import { mailPreferencesOf, setMailPreference } from "./preferences";

/**
 * Unsubscribing with a signed token (no session needed). A token names one kind of mail (new
 * pieces or signal alerts) and turns only that switch off (/account turns it back on); the
 * other kind keeps coming. An address without an account is suppressed. A bad token changes nothing.
 */
export type TokenView = { ok: true; email: string; mail: MailKind; subscribed: boolean } | { ok: false; error: string };

export const BAD_TOKEN_MESSAGE = "This unsubscribe link is invalid or incomplete. Use the link from the latest email, or change your email settings on your account page.";

async function userOf(subject: UnsubscribeSubject): Promise<{ id: string; email: string } | null> {
  const d = await db();
  const where = "userId" in subject ? eq(users.id, subject.userId) : sql`lower(${users.email}) = lower(${subject.email})`;
  const [row] = await d.select({ id: users.id, email: users.email }).from(users).where(where);
  return row ?? null;
}

/** The address behind a token and whether its kind of mail still goes to it. */
async function stateOf(subject: UnsubscribeSubject): Promise<{ email: string; subscribed: boolean } | null> {
  const d = await db();
  const user = await userOf(subject);
  if (!user && "userId" in subject) return null;
  const email = user?.email ?? ("email" in subject ? subject.email : "");
  const on = user ? (await mailPreferencesOf(d, user.id))[subject.mail] : true;
  return { email, subscribed: on && !(await isSuppressed(d, email)) };
}

/** What the /unsubscribe page shows before anyone confirms. */
export async function describeUnsubscribeToken(token: unknown): Promise<TokenView> {
  const subject = verifyUnsubscribeToken(token);
  if (!subject) return { ok: false, error: BAD_TOKEN_MESSAGE };
  const state = await stateOf(subject);
  if (!state) return { ok: false, error: "This account no longer exists, so there is nothing to unsubscribe." };
  return { ok: true, mail: subject.mail, ...state };
}

export type UnsubscribeResult = { ok: true; email: string | null; mail: MailKind } | { ok: false; error: string };

export async function unsubscribeWithToken(token: unknown): Promise<UnsubscribeResult> {
  const subject = verifyUnsubscribeToken(token);
  if (!subject) return { ok: false, error: BAD_TOKEN_MESSAGE };
  const d = await db();
  const user = await userOf(subject);
  const action = subject.mail === "alerts" ? "mail.unsubscribed.alerts" : "mail.unsubscribed";
  if (user) {
    await d.transaction(async (tx) => {
      await setMailPreference(tx, user.id, subject.mail, false);
      await tx.insert(auditLog).values({ actorId: user.id, actorEmail: user.email, action, target: user.id });
    });
    return { ok: true, email: user.email, mail: subject.mail };
  }
  // Account deleted: nothing is sent to it any more anyway.
  if ("userId" in subject) return { ok: true, email: null, mail: subject.mail };
  await suppressAddress(d, subject.email, "unsubscribed");
  await d.insert(auditLog).values({ actorEmail: subject.email, action, target: subject.email });
  return { ok: true, email: subject.email, mail: subject.mail };
}
