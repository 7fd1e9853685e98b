import "server-only";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { db } from "@/lib/db";
import { pieces, sends } from "@/db/schema";
import { signalChangeHeads, type SignalChangeHead } from "@/lib/pieces/signal-change";

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

/** A new piece's mail, or a signal alert (issue 12) about one signal of a piece. */
export interface SendSummary extends SendProgress {
  id: string;
  kind: "piece" | "alert";
  pieceId: string;
  pieceSlug: string;
  headline: string;
  /** For an alert: which of the piece's signals changed, and to what (its statement is gated: not here). */
  signal: { number: number; status: string } | null;
  fullCount: number;
  teaserCount: number;
  requestedBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const columns = {
  id: sends.id,
  signalChangeId: sends.signalChangeId,
  pieceId: pieces.id,
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

function selectSends(d: Db) {
  return d.select(columns).from(sends).leftJoin(pieces, eq(pieces.id, sends.pieceId)).$dynamic();
}

type Row = Awaited<ReturnType<ReturnType<typeof selectSends>["execute"]>>[number];

/** Each send with the piece it is about: directly, or (an alert) through its signal change. Sends whose piece is gone are left out. */
async function summaries(rows: readonly Row[]): Promise<SendSummary[]> {
  const heads = await signalChangeHeads(rows.flatMap((r) => (r.signalChangeId ? [r.signalChangeId] : [])));
  return rows.flatMap(({ signalChangeId, pieceId, pieceSlug, headline, ...r }) => {
    const head: SignalChangeHead | undefined = signalChangeId ? heads.get(signalChangeId) : undefined;
    const piece = head?.piece ?? (pieceId && pieceSlug && headline ? { id: pieceId, slug: pieceSlug, headline } : null);
    if (!piece) return [];
    return [
      {
        ...r,
        pieceId: piece.id,
        pieceSlug: piece.slug,
        headline: piece.headline,
        kind: head ? "alert" : "piece",
        signal: head ? { number: head.signalNumber, status: head.status } : null,
        pending: Math.max(0, r.total - r.sent - r.failed),
      } satisfies SendSummary,
    ];
  });
}

export async function sendProgress(sendId: string): Promise<SendProgress | null> {
  const id = z.string().min(1).max(100).safeParse(sendId);
  if (!id.success) return null;
  const [row] = await (await db())
    .select({ total: sends.total, sent: sends.sentCount, failed: sends.failedCount, status: sends.status })
    .from(sends)
    .where(eq(sends.id, id.data));
  return row ? { ...row, pending: Math.max(0, row.total - row.sent - row.failed) } : null;
}

/** The newest sends of both kinds, newest first. */
export async function listRecentSends(limit = 20): Promise<SendSummary[]> {
  const n = z.number().int().min(1).max(500).catch(20).parse(limit);
  return summaries(await selectSends(await db()).orderBy(desc(sends.createdAt), desc(sends.id)).limit(n));
}

/** One send with its piece (for a send's admin page). */
export async function getSend(sendId: string): Promise<SendSummary | null> {
  const id = z.string().min(1).max(100).safeParse(sendId);
  if (!id.success) return null;
  const [summary] = await summaries(await selectSends(await db()).where(eq(sends.id, id.data)));
  return summary ?? null;
}
