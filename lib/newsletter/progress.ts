import "server-only";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db";
import { pieces, sends } from "@/db/schema";

/** What the admin pages show about sends (cheap: read from the counters on `sends`). */
export type SendStatus = "pending" | "sending" | "sent" | "failed";

export interface SendProgress {
  total: number;
  /** Accepted by the provider (or written to the outbox), including later delivered/bounced. */
  sent: number;
  /** Failed for good (until a retry round). */
  failed: number;
  /** Neither yet. */
  pending: number;
  status: SendStatus;
}

export interface SendSummary extends SendProgress {
  id: string;
  pieceId: string;
  pieceSlug: string;
  headline: string;
  fullCount: number;
  teaserCount: number;
  requestedBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const columns = {
  id: sends.id,
  pieceId: pieces.id, // inner-joined: new-piece sends only (a signal alert has no piece_id)
  pieceSlug: pieces.slug,
  headline: pieces.headline,
  status: sends.status,
  total: sends.total,
  fullCount: sends.fullCount,
  teaserCount: sends.teaserCount,
  sent: sends.sentCount,
  failed: sends.failedCount,
  requestedBy: sends.requestedBy,
  createdAt: sends.createdAt,
  startedAt: sends.startedAt,
  finishedAt: sends.finishedAt,
};

const withPending = <T extends { total: number; sent: number; failed: number }>(r: T): T & { pending: number } => ({
  ...r,
  pending: Math.max(0, r.total - r.sent - r.failed),
});

export async function sendProgress(sendId: string): Promise<SendProgress | null> {
  const id = z.string().min(1).max(100).safeParse(sendId);
  if (!id.success) return null;
  const [row] = await (await db())
    .select({ total: sends.total, sent: sends.sentCount, failed: sends.failedCount, status: sends.status })
    .from(sends)
    .where(eq(sends.id, id.data));
  return row ? withPending(row) : null;
}

export async function listRecentSends(limit = 20): Promise<SendSummary[]> {
  const n = z.number().int().min(1).max(500).catch(20).parse(limit);
  const rows = await (await db())
    .select(columns)
    .from(sends)
    .innerJoin(pieces, eq(pieces.id, sends.pieceId))
    .orderBy(desc(sends.createdAt), desc(sends.id))
    .limit(n);
  return rows.map(withPending);
}

/** One send with its piece (for a send's admin page). */
export async function getSend(sendId: string): Promise<SendSummary | null> {
  const id = z.string().min(1).max(100).safeParse(sendId);
  if (!id.success) return null;
  const [row] = await (await db()).select(columns).from(sends).innerJoin(pieces, eq(pieces.id, sends.pieceId)).where(eq(sends.id, id.data));
  return row ? withPending(row) : null;
}
