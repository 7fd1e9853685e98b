import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { users } from "@/db/schema";
import { renderWelcome } from "@/emails/render";
import { config } from "@/lib/env";
import { mailPublication } from "@/lib/mail/publication";
import { sendMailOnce } from "@/lib/mail/once";

/**
 * The free-member welcome, once per account, when the account is created (Auth.js's createUser
 * event, at the first sign-in). A failure is logged and never blocks the sign-in.
 */
export async function sendMemberWelcome(userId: string): Promise<boolean> {
  try {
    const [user] = await (await db()).select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
    if (!user) return false;
    const cfg = config();
    return await sendMailOnce({ userId, kind: "welcome-member", objectId: userId }, async () => {
      const mail = await renderWelcome({
        name: user.name ?? undefined,
        isPaid: false,
        accountUrl: `${cfg.appUrl}/account`,
        homeUrl: cfg.appUrl,
        publication: mailPublication(),
      });
      return { to: user.email, subject: `Welcome to ${cfg.publication.name}`, ...mail };
    });
  } catch (err) {
    console.error(`welcome mail for ${userId} failed`, err);
    return false;
  }
}
