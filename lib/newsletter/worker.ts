import "server-only";
import type { PgBoss } from "pg-boss";
import { db } from "@/lib/db";
import { config } from "@/lib/env";
import { ensureNewsletterQueues, enqueueSendLanes, SEND_QUEUE, sendJobSchema, SWEEP_QUEUE } from "./queue";
import { resumeSends, stalledSendIds, unfinishedSendIds } from "./resume";
import { runSendLane, type LaneOptions } from "./sender";

/**
 * The newsletter's workers on a started pg-boss: the app runs them embedded, `npm run worker`
 * runs them alone (several processes may share the queues on PostgreSQL). On start, every
 * unfinished send gets lanes again (the jobs of a process that died are stuck as active until
 * pg-boss notices); every minute a sweep revives sends that stopped making progress.
 */
export interface NewsletterWorkerOptions {
  /** Lanes (concurrent senders) this process runs; default NEWSLETTER_LANES. */
  lanes?: number;
  /** Overrides for the senders (tests). */
  lane?: Partial<LaneOptions>;
  /** Seconds between polls of the queue (default 0.5). */
  pollingIntervalSeconds?: number;
}

export async function registerNewsletterWorkers(boss: PgBoss, options: NewsletterWorkerOptions = {}): Promise<void> {
  const cfg = config();
  const lanes = options.lanes ?? cfg.newsletter.lanes;
  await ensureNewsletterQueues(boss);

  await boss.work(
    SEND_QUEUE,
    { localConcurrency: lanes, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5 },
    async ([job]) => {
      if (!job) return;
      const parsed = sendJobSchema.safeParse(job.data);
      if (!parsed.success) {
        console.error(`newsletter: dropping malformed job ${job.id}: ${parsed.error.message}`);
        return;
      }
      const result = await runSendLane(parsed.data.sendId, options.lane);
      // A long send: this lane hands over to a fresh job (jobs stay short, progress is in the DB).
      if (result.kind === "handover") await enqueueSendLanes(boss, parsed.data.sendId, 1);
    },
  );

  await boss.work(SWEEP_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
    const quiet = Math.max(30, 2 * cfg.newsletter.leaseSeconds);
    await resumeSends(boss, await stalledSendIds(await db(), quiet), lanes);
  });
  await boss.schedule(SWEEP_QUEUE, "* * * * *");

  await resumeSends(boss, await unfinishedSendIds(await db()), lanes);
}
