import "server-only";
import { lt } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { db } from "@/lib/db";
import { checkoutBindings, signInCodes } from "@/db/schema";
import { pruneRateLimits } from "@/lib/auth/rate-limit";

export const MAINTENANCE = "maintenance";

/** Hourly: forget rate-limit hits older than a day, and sign-in codes and pay-first checkout bindings that have expired (neither is accepted once expired). */
export async function runMaintenance(now = new Date()): Promise<void> {
  await pruneRateLimits(new Date(now.getTime() - 86_400_000));
  const d = await db();
  await d.delete(signInCodes).where(lt(signInCodes.expiresAt, now));
  await d.delete(checkoutBindings).where(lt(checkoutBindings.expiresAt, now));
}

export async function registerMaintenanceWorkers(b: PgBoss): Promise<void> {
  await b.createQueue(MAINTENANCE);
  await b.work(MAINTENANCE, async () => {
    await runMaintenance();
  });
  await b.schedule(MAINTENANCE, "17 * * * *");
}
