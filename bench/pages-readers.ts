/**
 * The signed-in readers of bench:pages, made as a real sign-in would leave them: a user row, an
 * Auth.js session row (the cookie's value is its token) and, for the subscriber, an active
 * subscription. Written into the server's database before the server starts.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { sessions, subscriptions, users } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import { SESSION_COOKIES } from "@/lib/auth/cookie-names";

export interface BenchReader {
  email: string;
  /** `Cookie` header value that carries the session. */
  cookie: string;
}

export interface BenchReaders {
  free: BenchReader;
  subscriber: BenchReader;
}

const DAY_MS = 86_400_000;

async function reader(d: Db, email: string): Promise<{ userId: string; reader: BenchReader }> {
  const [user] = await d.insert(users).values({ email, emailVerified: new Date() }).returning({ id: users.id });
  if (!user) throw new Error(`could not create ${email}`);
  const token = randomBytes(32).toString("hex");
  await d.insert(sessions).values({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 30 * DAY_MS) });
  return { userId: user.id, reader: { email, cookie: `${SESSION_COOKIES[0]}=${token}` } };
}

/** Seeds the demo pieces (as the server's boot would) and creates a free member and a paying subscriber with sessions. */
export async function createBenchReaders(d: Db): Promise<BenchReaders> {
  await seedIfEmpty(d);
  const free = await reader(d, "free-member@bench.invalid");
  const paying = await reader(d, "subscriber@bench.invalid");
  await d.insert(subscriptions).values({
    id: `sub_bench_${randomBytes(6).toString("hex")}`,
    customerId: `cus_bench_${randomBytes(6).toString("hex")}`,
    userId: paying.userId,
    status: "active",
    currentPeriodEnd: new Date(Date.now() + 30 * DAY_MS),
  });
  return { free: free.reader, subscriber: paying.reader };
}
