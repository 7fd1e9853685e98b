/** Crash-and-resume driving for sender tests: a lane that dies is replaced by a fresh one until the send finishes. */
import { eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/db/client";
import { sendBatches } from "@/db/schema";

export async function resumeUntilFinished(d: Db, lane: () => Promise<{ kind: string } | undefined>, maxLives = 400): Promise<number> {
  for (let lives = 1; ; lives++) {
    expect(lives).toBeLessThan(maxLives);
    try {
      if ((await lane())?.kind === "finished") return lives;
    } catch (err) {
      expect(String(err)).toMatch(/injected crash/);
      // The crashed "worker" is gone: its lease runs out (we skip the wait).
      await d.update(sendBatches).set({ leaseUntil: sql`now() - interval '1 second'` }).where(eq(sendBatches.status, "sending"));
    }
  }
}
