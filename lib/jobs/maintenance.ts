import "server-only";
import { lt } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { db } from "@/lib/db";
import { signInCodes } from "@/db/schema";
import { pruneRateLimits } from "@/lib/auth/rate-limit";

export const MAINTENANCE = "maintenance";

/** Hourly: forget rate-limit hits older than a day and sign-in codes that have expired. */
export async function runMaintenance(now = new Date()): Promise<void> {
  await pruneRateLimits(new Date(now.getTime() - 86_400_000));
  await (await db()).delete(signInCodes).where(lt(signInCodes.expiresAt, now));
}

export async function registerMaintenanceWorkers(b: PgBoss): Promise<void> {
  await b.createQueue(MAINTENANCE);
  await b.work(MAINTENANCE, async () => {
    await runMaintenance();
  });
  await b.schedule(MAINTENANCE, "17 * * * *");
}
