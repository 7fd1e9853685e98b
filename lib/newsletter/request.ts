import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { type Db } from "@/db/client";
import { db } from "@/lib/db";
import { pieces, sends } from "@/db/schema";
import { config } from "@/lib/env";
import { currentPolicy } from "@/lib/access/policy";
import { boss } from "@/lib/jobs/boss";
import { audiencePages, chosenMembers, type AudienceMember, type SendAudience } from "./audience";
import { freezeAudience } from "./freeze";
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

    const frozen = await freezeAudience(tx, created.id, chosenPages(audiencePages(tx, piece, currentPolicy()), audience));
    return { sendId: created.id, ...frozen };
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

async function* chosenPages(pages: AsyncIterable<AudienceMember[]>, audience: SendAudience): AsyncGenerator<AudienceMember[]> {
  for await (const page of pages) yield chosenMembers(page, audience);
}
