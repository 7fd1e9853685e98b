import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { pieces, sends } from "@/db/schema";
import { currentPolicy } from "@/lib/access/policy";
import { config } from "@/lib/env";
import { boss } from "@/lib/jobs/boss";
import { alertAudiencePage } from "./alert-audience";
import { variantPages } from "./audience";
import { freezeAudience } from "./freeze";
import { enqueueSendLanes } from "./queue";

/**
 * A signal marked triggered becomes ONE alert send, frozen in the transaction that records the
 * change: a `sends` row keyed by the signal change (unique, so the same change never makes two
 * sends), its deliveries (unique per send and address) and batches. After the commit the caller
 * enqueues its lanes; if the process dies in between, the workers' start-up and sweep find the
 * pending send and enqueue it (lib/newsletter/resume.ts). From there it is sent exactly like a
 * new piece's mail.
 */
export async function freezeSignalAlert(
  tx: Db,
  change: { changeId: string; pieceId: string },
  requestedBy: string | null,
): Promise<{ sendId: string; total: number; finished: boolean } | null> {
  const [piece] = await tx.select({ id: pieces.id, visibility: pieces.visibility, status: pieces.status }).from(pieces).where(eq(pieces.id, change.pieceId));
  // Nobody follows what is not out yet: a draft's signal changes alert nobody.
  if (!piece || piece.status !== "published") return null;
  const [created] = await tx
    .insert(sends)
    .values({ signalChangeId: change.changeId, requestedBy, status: "pending" })
    .onConflictDoNothing({ target: sends.signalChangeId })
    .returning({ id: sends.id });
  if (!created) return null;
  const frozen = await freezeAudience(tx, created.id, variantPages(tx, alertAudiencePage(piece.id), piece, currentPolicy()));
  return { sendId: created.id, ...frozen };
}

/** After the commit: the send's lanes go on the queue (more than once is harmless). */
export async function enqueueSignalAlert(sendId: string): Promise<void> {
  await enqueueSendLanes(await boss(), sendId, config().newsletter.lanes);
}
