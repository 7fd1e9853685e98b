import "server-only";
import { and, eq, lte } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { db } from "@/lib/db";
import { auditLog, pieces } from "@/db/schema";
import { boss } from "@/lib/jobs/boss";
import { requestNewsletterSend } from "@/lib/newsletter/request";
import { invalidatePiecePages } from "./invalidation";

export const PUBLISH_DUE = "publish-due";

/** Wakes the worker at the piece's time; a once-a-minute sweep catches anything missed. */
export async function schedulePublication(pieceId: string, at: Date): Promise<void> {
  const b = await boss();
  await b.createQueue(PUBLISH_DUE);
  await b.sendAfter(PUBLISH_DUE, { pieceId }, { singletonKey: `${pieceId}@${at.toISOString()}` }, at);
}

/** Publishes every scheduled piece whose time has come. Safe to run concurrently and repeatedly. */
export async function publishDuePieces(now = new Date()): Promise<string[]> {
  const d = await db();
  const due = await d
    .update(pieces)
    .set({ status: "published", updatedAt: now })
    .where(and(eq(pieces.status, "scheduled"), lte(pieces.publishAt, now)))
    .returning({ id: pieces.id, mailAudience: pieces.mailAudience, authorId: pieces.authorId, slug: pieces.slug, category: pieces.category });
  if (due.length === 0) return [];
  await d.insert(auditLog).values(due.map((p) => ({ actorId: null, actorEmail: "scheduler", action: "piece.published-on-schedule", target: p.id, detail: { slug: p.slug } })));
  for (const p of due) if (p.mailAudience !== "none") await requestNewsletterSend(p.id, p.authorId);
  for (const p of due) await invalidatePiecePages(undefined, { slug: p.slug, category: p.category, published: true });
  return due.map((p) => p.id);
}

export async function registerPublishingWorkers(b: PgBoss): Promise<void> {
  await b.createQueue(PUBLISH_DUE);
  await b.work(PUBLISH_DUE, { pollingIntervalSeconds: 1 }, async () => {
    await publishDuePieces();
  });
  await b.schedule(PUBLISH_DUE, "* * * * *");
}
