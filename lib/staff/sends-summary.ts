import "server-only";
import { count, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/lib/db";
import { deliveries, pieces, sends } from "@/db/schema";

/**
 * The dashboard's "latest sends": read straight from the sends and deliveries tables (counts
 * by delivery status per send), independent of lib/mail/newsletter.
 */
export interface SendSummary {
  id: string;
  pieceId: string;
  headline: string;
  status: string;
  total: number;
  /** Handed to the provider: sent, delivered or (later) bounced. */
  sent: number;
  failed: number;
  pending: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const SENT = new Set(["sent", "delivered", "bounced"]);

export async function latestSends(limit = 5): Promise<SendSummary[]> {
  const d = await db();
  const rows = await d
    .select({
      id: sends.id,
      pieceId: pieces.id, // inner-joined: new-piece sends only
      headline: pieces.headline,
      status: sends.status,
      total: sends.total,
      createdAt: sends.createdAt,
      startedAt: sends.startedAt,
      finishedAt: sends.finishedAt,
    })
    .from(sends)
    .innerJoin(pieces, eq(pieces.id, sends.pieceId))
    .orderBy(desc(sends.createdAt), desc(sends.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const counts = await d
    .select({ sendId: deliveries.sendId, status: deliveries.status, n: count() })
    .from(deliveries)
    .where(
      inArray(
        deliveries.sendId,
        rows.map((r) => r.id),
      ),
    )
    .groupBy(deliveries.sendId, deliveries.status);
  return rows.map((r) => {
    let sent = 0;
    let failed = 0;
    let pending = 0;
    for (const c of counts) {
      if (c.sendId !== r.id) continue;
      if (SENT.has(c.status)) sent += c.n;
      else if (c.status === "failed") failed += c.n;
      else pending += c.n;
    }
    return { ...r, total: Math.max(r.total, sent + failed + pending), sent, failed, pending };
  });
}
