/** A started pg-boss on the test database, installed as the process's `boss()`. */
import type { PgBoss } from "pg-boss";
import { handle } from "@/lib/db";
import { createBoss, setBossForTests } from "@/lib/jobs/boss";

export async function startTestBoss(): Promise<{ boss: PgBoss; stop(): Promise<void> }> {
  const b = createBoss(await handle());
  b.on("error", (err: unknown) => console.error("test boss error", err));
  await b.start();
  setBossForTests(b);
  return {
    boss: b,
    async stop() {
      setBossForTests(undefined);
      await b.stop({ graceful: false, close: true, timeout: 2_000 });
    },
  };
}
