import type { PgBoss } from "pg-boss";
import { z } from "zod";

/**
 * The newsletter's pg-boss queues. A send runs as `lanes` jobs ("lanes") that each claim
 * batches until none is left; lanes of one send may run in different worker processes.
 * A lane that ran for a while hands over to a fresh job, so jobs stay short.
 */
export const SEND_QUEUE = "newsletter-send";
/** Every minute: re-enqueue lanes for unfinished sends that have made no progress lately. */
export const SWEEP_QUEUE = "newsletter-sweep";

export const sendJobSchema = z.object({ sendId: z.string().min(1).max(100), lane: z.number().int().min(0).max(1000) });
export type SendJob = z.infer<typeof sendJobSchema>;

const ensured = new WeakMap<PgBoss, Promise<void>>();

export function ensureNewsletterQueues(boss: PgBoss): Promise<void> {
  let done = ensured.get(boss);
  if (!done) {
    done = (async () => {
      await boss.createQueue(SEND_QUEUE, {
        retryLimit: 20,
        retryDelay: 2,
        retryBackoff: true,
        retryDelayMax: 120,
        // A lane hands over well before this; a lane whose worker died is retried after a
        // missed heartbeat (other workers' lanes meanwhile take over its batches once the
        // batch lease has run out).
        expireInSeconds: 30 * 60,
        heartbeatSeconds: 30,
      });
      await boss.createQueue(SWEEP_QUEUE, { retryLimit: 0, expireInSeconds: 120 });
    })();
    ensured.set(boss, done);
    done.catch(() => ensured.delete(boss));
  }
  return done;
}

/** Enqueues `lanes` jobs for a send (more lanes than needed are harmless: they find nothing to claim). */
export async function enqueueSendLanes(boss: PgBoss, sendId: string, lanes: number): Promise<void> {
  await ensureNewsletterQueues(boss);
  await boss.insert(
    SEND_QUEUE,
    Array.from({ length: lanes }, (_, lane): { data: SendJob } => ({ data: { sendId, lane } })),
  );
}
