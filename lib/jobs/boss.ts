import "server-only";
import { PgBoss, fromPglite } from "pg-boss";
import { type Handle } from "@/db/client";
import { handle } from "@/lib/db";

/**
 * The job queue (pg-boss) on the app's own database: PGlite in-process in the embedded
 * default, PostgreSQL otherwise, where any number of workers share the queues.
 */
const store = globalThis as unknown as { esmBoss?: Promise<PgBoss> };

export function createBoss(h: Handle): PgBoss {
  if (h.kind === "pglite" && h.pglite) return new PgBoss({ db: fromPglite(h.pglite), backend: "pglite", schema: "pgboss" });
  if (!h.databaseUrl) throw new Error("pg-boss needs DATABASE_URL or an embedded PGlite");
  return new PgBoss({ connectionString: h.databaseUrl, schema: "pgboss", max: 4 });
}

export function boss(): Promise<PgBoss> {
  store.esmBoss ??= (async () => {
    const b = createBoss(await handle());
    b.on("error", (err) => console.error("job queue error", err));
    await b.start();
    return b;
  })();
  return store.esmBoss;
}

export function setBossForTests(b: PgBoss | undefined): void {
  store.esmBoss = b ? Promise.resolve(b) : undefined;
}

/** Stops the process queue (if one was started) so the next test database gets its own. */
export async function stopBossForTests(): Promise<void> {
  const running = store.esmBoss;
  store.esmBoss = undefined;
  if (running) await (await running).stop({ graceful: false, close: false }).catch(() => undefined);
}
