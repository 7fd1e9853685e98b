import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db } from "@/db/client";
import { db } from "@/lib/db";
import { deliveries, pieces, sendBatches, sends } from "@/db/schema";
import { config } from "@/lib/env";
import { currentPolicy } from "@/lib/access/policy";
import { boss } from "@/lib/jobs/boss";
import { audiencePages, chosenMembers } from "./audience";
import { BatchAllocator } from "./batch-plan";
import { enqueueSendLanes } from "./queue";

/**
 * Asking for a piece to be mailed. In ONE transaction the audience is frozen into a `sends` row
 * (unique per piece, so asking twice gives the same send), its `deliveries` (unique per send and
 * address, each with its variant and batch; only the full variant when the piece's audience is
 * "paid") and its `send_batches`; then the send's jobs are
 * enqueued. Nothing is mailed here.
 */
export class NewsletterRequestError extends Error {
  override name = "NewsletterRequestError";
}

const inputSchema = z.object({
  pieceId: z.string().trim().min(1, "pieceId is required").max(100),
  requestedBy: z.string().trim().min(1).max(200).nullable(),
});

const INSERT_CHUNK = 1_000;

interface Frozen {
  sendId: string;
  total: number;
  finished: boolean;
}

async function freeze(d: Db, pieceId: string, requestedBy: string | null): Promise<Frozen> {
  return d.transaction(async (tx) => {
    const [piece] = await tx
      .select({ id: pieces.id, visibility: pieces.visibility, status: pieces.status, mailAudience: pieces.mailAudience })
      .from(pieces)
      .where(eq(pieces.id, pieceId));
    if (!piece) throw new NewsletterRequestError(`No piece with id ${pieceId}.`);
    const audience = piece.mailAudience;
    if (audience === "none") throw new NewsletterRequestError("This piece is set to send no email.");

    // The unique piece_id makes a concurrent second request wait here, then find the first one's send.
    const [created] = await tx
      .insert(sends)
      .values({ pieceId, requestedBy, audience, status: "pending" })
      .onConflictDoNothing({ target: sends.pieceId })
      .returning({ id: sends.id });
    if (!created) {
      const [existing] = await tx.select({ id: sends.id, total: sends.total, status: sends.status }).from(sends).where(eq(sends.pieceId, pieceId));
      if (!existing) throw new Error(`send for piece ${pieceId} vanished`);
      return { sendId: existing.id, total: existing.total, finished: existing.status === "sent" || existing.status === "failed" };
    }
    if (piece.status !== "published") throw new NewsletterRequestError("Only a published piece can be mailed.");

    const sendId = created.id;
    const policy = currentPolicy();
    const batches = new BatchAllocator();
    for await (const page of audiencePages(tx, piece, policy)) {
      const rows = chosenMembers(page, audience).map((m) => ({ sendId, userId: m.userId, email: m.email, variant: m.variant, batch: batches.assign(m.variant) }));
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await tx.insert(deliveries).values(rows.slice(i, i + INSERT_CHUNK)).onConflictDoNothing();
      }
    }
    // Batches and counts from what was actually inserted (an address twice in users is one delivery).
    await tx.execute(sql`
      insert into ${sendBatches} (send_id, batch, variant, size)
      select send_id, batch, min(variant), count(*)::int from ${deliveries}
      where send_id = ${sendId} group by send_id, batch`);
    const [counts] = await tx
      .select({
        total: sql<number>`count(*)::int`,
        full: sql<number>`(count(*) filter (where ${deliveries.variant} = 'full'))::int`,
      })
      .from(deliveries)
      .where(eq(deliveries.sendId, sendId));
    const total = Number(counts?.total ?? 0);
    const full = Number(counts?.full ?? 0);
    const empty = total === 0;
    await tx
      .update(sends)
      .set({
        total,
        fullCount: full,
        teaserCount: total - full,
        ...(empty ? { status: "sent" as const, startedAt: new Date(), finishedAt: new Date() } : {}),
      })
      .where(eq(sends.id, sendId));
    return { sendId, total, finished: empty };
  });
}

/**
 * Freezes the audience of a published piece and enqueues its delivery. Idempotent: asking again
 * for the same piece returns the existing send and creates nothing (an unfinished send's jobs are
 * enqueued again, which is harmless and revives a send whose jobs were lost).
 */
export async function requestNewsletterSend(pieceId: string, requestedBy: string | null): Promise<{ sendId: string; total: number }> {
  const input = inputSchema.safeParse({ pieceId, requestedBy });
  if (!input.success) throw new NewsletterRequestError(input.error.issues.map((i) => i.message).join("; "));
  const frozen = await freeze(await db(), input.data.pieceId, input.data.requestedBy);
  if (!frozen.finished) await enqueueSendLanes(await boss(), frozen.sendId, config().newsletter.lanes);
  return { sendId: frozen.sendId, total: frozen.total };
}
