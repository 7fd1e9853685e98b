import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { and, eq, exists, isNull, sql } from "drizzle-orm";
import type { Adapter } from "next-auth/adapters";
import type { Db } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";

/**
 * Auth.js's Drizzle adapter with one rule added: the first time an address is proven by email
 * (Auth.js sets `emailVerified` before it creates the new session), every session the account had
 * before ends. Those can only come from paying first (lib/billing/pay-first.ts), which signs in the
 * browser that paid with the address typed into Checkout, unproven: once the address's owner signs
 * in, that browser is signed out.
 */
export function sessionAdapter(d: Db): Adapter {
  const adapter = DrizzleAdapter(d, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens });
  const { updateUser } = adapter;
  if (!updateUser) throw new Error("the Drizzle adapter has no updateUser");
  return {
    ...adapter,
    async updateUser(user) {
      if (user.emailVerified) await endSessionsBeforeProof(d, user.id);
      return updateUser(user);
    },
  };
}

/** Ends the sessions of an account whose address has not been proven yet (none when it has). */
export async function endSessionsBeforeProof(d: Db, userId: string): Promise<number> {
  const unproven = d.select({ one: sql`1` }).from(users).where(and(eq(users.id, userId), isNull(users.emailVerified)));
  const ended = await d.delete(sessions).where(and(eq(sessions.userId, userId), exists(unproven))).returning({ token: sessions.sessionToken });
  return ended.length;
}
