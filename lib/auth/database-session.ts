import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { sessions } from "@/db/schema";
import { config } from "@/lib/env";
import { SESSION_COOKIES } from "./cookie-names";
import { SESSION_MAX_AGE_SECONDS } from "./session-age";


export interface StartedSession {
  cookie: { name: string; value: string; options: { httpOnly: true; sameSite: "lax"; secure: boolean; path: "/"; expires: Date } };
}

/**
 * A session exactly as Auth.js's database strategy makes one (a row in `sessions` and its cookie,
 * `__Secure-` prefixed over https), for a sign-in Auth.js did not run itself (paying first).
 */
export async function startDatabaseSession(userId: string, now = new Date()): Promise<StartedSession> {
  const sessionToken = randomUUID();
  const expires = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
  await (await db()).insert(sessions).values({ sessionToken, userId, expires });
  const secure = config().appUrl.startsWith("https://");
  return {
    cookie: { name: secure ? SESSION_COOKIES[1] : SESSION_COOKIES[0], value: sessionToken, options: { httpOnly: true, sameSite: "lax", secure, path: "/", expires } },
  };
}
