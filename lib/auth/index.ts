import "server-only";
import NextAuth, { type NextAuthConfig } from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { eq } from "drizzle-orm";
import { sendMemberWelcome } from "./welcome-mail";
import { db } from "@/lib/db";
import { users } from "@/db/schema";
import { sessionAdapter } from "./adapter";
import { config } from "@/lib/env";
import { sendSignInMail } from "./sign-in-mail";
import { SIGN_IN_TTL_MINUTES } from "./sign-in-codes";
import { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "./session-age";
import { adoptSignupSource } from "@/lib/numbers/signup-source";

const emailProvider: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  maxAge: SIGN_IN_TTL_MINUTES * 60,
  normalizeIdentifier: (identifier) => identifier.trim().toLowerCase(),
  sendVerificationRequest: ({ identifier, url }) => sendSignInMail(identifier, url),
};

async function buildConfig(): Promise<NextAuthConfig> {
  const cfg = config();
  // Auth.js builds its URLs from AUTH_URL when set, else from the request's (forgeable) Host headers.
  process.env.AUTH_URL = cfg.authUrl;
  const d = await db();
  return {
    adapter: sessionAdapter(d),
    secret: cfg.authSecret,
    trustHost: true,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
    providers: [emailProvider],
    pages: { signIn: "/login", verifyRequest: "/login/check", error: "/login" },
    callbacks: {
      session({ session, user }) {
        session.user.id = user.id;
        return session;
      },
    },
    events: {
      async createUser({ user }) {
        if (!user.id) return;
        await adoptSignupSource(user.id, user.email);
        await sendMemberWelcome(user.id);
      },
      async signIn({ user }) {
        const email = user.email?.toLowerCase();
        if (!email || !user.id || !cfg.adminEmails.includes(email)) return;
        await d.update(users).set({ role: "admin" }).where(eq(users.id, user.id));
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => buildConfig());
