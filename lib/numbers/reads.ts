import "server-only";
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db";
import { pieceReads, pieces } from "@/db/schema";
import { takeToken } from "@/lib/auth/rate-limit";

/**
 * First-party page reads: the piece page's beacon (components/site/read-beacon.tsx) reports one read
 * per page view once the piece is on screen; each counts into one row per piece and UTC day. No
 * cookie, no identifier kept: a client (its address, hashed) counts at most once per piece in
 * READ_WINDOW_MS and READS_PER_CLIENT_HOUR reads in all per hour, so a loop cannot inflate a number.
 */
export const READ_WINDOW_MS = 30 * 60_000;
export const READS_PER_CLIENT_HOUR = 1_000;

export const ReadBeaconInput = z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,200}$/) });

export type ReadOutcome = "counted" | "limited" | "unknown-piece";

const clientKey = (client: string | null) => createHash("sha256").update(client ?? "no-front").digest("base64url").slice(0, 22);

export async function countRead(
  slug: string,
  client: string | null,
  now = new Date(),
  limits: { perHour: number; windowMs: number } = { perHour: READS_PER_CLIENT_HOUR, windowMs: READ_WINDOW_MS },
): Promise<ReadOutcome> {
  const d = await db();
  const [piece] = await d
    .select({ id: pieces.id })
    .from(pieces)
    .where(and(eq(pieces.slug, slug), eq(pieces.status, "published")));
  if (!piece) return "unknown-piece";
  const key = clientKey(client);
  if (!(await takeToken(`read:${key}`, limits.perHour, 3_600_000, now))) return "limited";
  if (!(await takeToken(`read:${key}:${piece.id}`, 1, limits.windowMs, now))) return "limited";
  await d
    .insert(pieceReads)
    .values({ pieceId: piece.id, day: now.toISOString().slice(0, 10), reads: 1 })
    .onConflictDoUpdate({ target: [pieceReads.pieceId, pieceReads.day], set: { reads: sql`${pieceReads.reads} + 1` } });
  return "counted";
}
