import "server-only";
import { and, count, eq, gt, lt, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { rateLimitHits } from "@/db/schema";

/**
 * Counts hits per bucket in a sliding window. Returns false (and records nothing)
 * when the bucket is full.
 */
export async function takeToken(bucket: string, limit: number, windowMs: number, now = new Date()): Promise<boolean> {
  const d = await db();
  const since = new Date(now.getTime() - windowMs);
  return d.transaction(async (tx) => {
    // Serialize takers of one bucket, or concurrent requests would all see room (READ COMMITTED).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${bucket}))`);
    const [row] = await tx
      .select({ n: count() })
      .from(rateLimitHits)
      .where(and(eq(rateLimitHits.bucket, bucket), gt(rateLimitHits.at, since)));
    if ((row?.n ?? 0) >= limit) return false;
    await tx.insert(rateLimitHits).values({ bucket, at: now });
    return true;
  });
}

export async function pruneRateLimits(olderThan: Date): Promise<void> {
  await (await db()).delete(rateLimitHits).where(lt(rateLimitHits.at, olderThan));
}
