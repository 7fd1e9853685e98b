import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { auditLog, emailPreferences, users } from "@/db/schema";
import { isSuppressed, suppressAddress } from "@/lib/mail/suppression";
import { verifyUnsubscribeToken, type UnsubscribeSubject } from "@/lib/mail/unsubscribe-token";

/**
 * Unsubscribing from new-piece mail with a signed token (no session needed). A user's token
 * turns their "email me new pieces" preference off (/account turns it back on); an address
 * without an account is suppressed. A bad token changes nothing.
 */
export type TokenView = { ok: true; email: string; subscribed: boolean } | { ok: false; error: string };

export const BAD_TOKEN_MESSAGE = "This unsubscribe link is invalid or incomplete. Use the link from the latest email, or change your email settings on your account page.";

/** The address behind a token and whether new-piece mail still goes to it. */
async function stateOf(subject: UnsubscribeSubject): Promise<{ email: string; subscribed: boolean } | null> {
  const d = await db();
  if ("userId" in subject) {
    const [row] = await d
      .select({ email: users.email, on: emailPreferences.newPieces })
      .from(users)
      .leftJoin(emailPreferences, eq(emailPreferences.userId, users.id))
      .where(eq(users.id, subject.userId));
    return row ? { email: row.email, subscribed: row.on !== false && !(await isSuppressed(d, row.email)) } : null;
  }
  const [row] = await d
    .select({ on: emailPreferences.newPieces })
    .from(users)
    .leftJoin(emailPreferences, eq(emailPreferences.userId, users.id))
    .where(sql`lower(${users.email}) = lower(${subject.email})`);
  return { email: subject.email, subscribed: (row ? row.on !== false : true) && !(await isSuppressed(d, subject.email)) };
}

/** What the /unsubscribe page shows before anyone confirms. */
export async function describeUnsubscribeToken(token: unknown): Promise<TokenView> {
  const subject = verifyUnsubscribeToken(token);
  if (!subject) return { ok: false, error: BAD_TOKEN_MESSAGE };
  const state = await stateOf(subject);
  if (!state) return { ok: false, error: "This account no longer exists, so there is nothing to unsubscribe." };
  return { ok: true, ...state };
}

export type UnsubscribeResult = { ok: true; email: string | null } | { ok: false; error: string };

export async function unsubscribeWithToken(token: unknown): Promise<UnsubscribeResult> {
  const subject = verifyUnsubscribeToken(token);
  if (!subject) return { ok: false, error: BAD_TOKEN_MESSAGE };
  const d = await db();
  if ("userId" in subject) {
    const [user] = await d.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, subject.userId));
    if (!user) return { ok: true, email: null }; // account deleted: nothing is sent to it any more anyway
    await d.transaction(async (tx) => {
      await tx
        .insert(emailPreferences)
        .values({ userId: user.id, newPieces: false, updatedAt: new Date() })
        .onConflictDoUpdate({ target: emailPreferences.userId, set: { newPieces: false, updatedAt: new Date() } });
      await tx.insert(auditLog).values({ actorId: user.id, actorEmail: user.email, action: "mail.unsubscribed", target: user.id });
    });
    return { ok: true, email: user.email };
  }
  const [user] = await d.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${subject.email})`);
  if (user) {
    await d
      .insert(emailPreferences)
      .values({ userId: user.id, newPieces: false, updatedAt: new Date() })
      .onConflictDoUpdate({ target: emailPreferences.userId, set: { newPieces: false, updatedAt: new Date() } });
  } else {
    await suppressAddress(d, subject.email, "unsubscribed");
  }
  await d.insert(auditLog).values({ actorEmail: subject.email, action: "mail.unsubscribed", target: subject.email });
  return { ok: true, email: subject.email };
}
