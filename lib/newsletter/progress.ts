import "server-only";
import { desc, eq, isNotNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db/client";
import { db } from "@/lib/db";
import { pieces, sends } from "@/db/schema";
import { assessmentSignals, signalChanges } from "@/db/schema-risk";

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
  /** For an alert: the signal's statement and the status it changed to. */
  signal: { statement: string; status: string } | null;
  fullCount: number;
  teaserCount: number;
  requestedBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const alertPiece = alias(pieces, "alert_piece");

const columns = {
  id: sends.id,
  pieceId: sql<string | null>`coalesce(${pieces.id}, ${alertPiece.id})`,
  pieceSlug: sql<string | null>`coalesce(${pieces.slug}, ${alertPiece.slug})`,
  headline: sql<string | null>`coalesce(${pieces.headline}, ${alertPiece.headline})`,
  signalStatement: assessmentSignals.statement,
  signalStatus: signalChanges.status,
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

type Row = Awaited<ReturnType<ReturnType<typeof selectSends>["execute"]>>[number];

/** Null when the piece is gone (an alert's piece deleted with its signals). */
function summary({ signalStatement, signalStatus, pieceId, pieceSlug, headline, ...r }: Row): SendSummary | null {
  if (pieceId === null || pieceSlug === null || headline === null) return null;
  return {
    ...r,
    pieceId,
    pieceSlug,
    headline,
    kind: signalStatement === null ? "piece" : "alert",
    signal: signalStatement === null || signalStatus === null ? null : { statement: signalStatement, status: signalStatus },
    pending: Math.max(0, r.total - r.sent - r.failed),
  };
}

/** Every send with the piece it is about: directly, or through the alert's signal change. */
function selectSends(d: Db) {
  return d
    .select(columns)
    .from(sends)
    .leftJoin(pieces, eq(pieces.id, sends.pieceId))
    .leftJoin(signalChanges, eq(signalChanges.id, sends.signalChangeId))
    .leftJoin(assessmentSignals, eq(assessmentSignals.id, signalChanges.signalId))
    .leftJoin(alertPiece, eq(alertPiece.id, assessmentSignals.pieceId))
    .$dynamic();
}

const hasPiece = or(isNotNull(pieces.id), isNotNull(alertPiece.id));

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
  const rows = await selectSends(await db()).where(hasPiece).orderBy(desc(sends.createdAt), desc(sends.id)).limit(n);
  return rows.flatMap((r) => summary(r) ?? []);
}

/** One send with its piece (for a send's admin page). */
export async function getSend(sendId: string): Promise<SendSummary | null> {
  const id = z.string().min(1).max(100).safeParse(sendId);
  if (!id.success) return null;
  const [row] = await selectSends(await db()).where(eq(sends.id, id.data));
  return row ? summary(row) : null;
}
