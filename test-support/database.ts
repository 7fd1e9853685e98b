import { afterAll, beforeAll } from "vitest";
import { openDatabase, type Db, type Handle } from "@/db/client";
import { setDatabaseForTests } from "@/lib/db";
import { stopBossForTests } from "@/lib/jobs/boss";
import { startTestBoss } from "./boss";
import { throwawayPostgres } from "./throwaway-postgres";

export type DbKind = "pglite" | "postgres";

/** PGlite always; PostgreSQL too when DATABASE_URL is set (as in CI). */
export function databaseKinds(): DbKind[] {
  return process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export interface TestDatabase {
  kind: DbKind;
  db: Db;
  handle: Handle;
  /** The connection string (PostgreSQL only), for child processes. */
  url?: string;
  close(): Promise<void>;
}

/** A fresh, migrated database (in-memory PGlite, or a throwaway PostgreSQL database), installed as the process's `db()`. */
export async function freshDatabase(kind: DbKind): Promise<TestDatabase> {
  await stopBossForTests();
  const opened =
    kind === "pglite"
      ? await (async () => {
          const handle = await openDatabase({});
          await handle.migrate();
          return { handle, url: undefined, close: () => handle.close() };
        })()
      : await throwawayPostgres("esm_test");
  setDatabaseForTests(opened.handle);
  return {
    kind,
    db: opened.handle.db,
    handle: opened.handle,
    url: opened.url,
    close: async () => {
      await stopBossForTests();
      setDatabaseForTests(undefined);
      await opened.close();
    },
  };
}

/**
 * The set-up every database test shares: a fresh database for the enclosing `describe` (and,
 * with `boss`, a started pg-boss on it), closed after its last test. Read its fields inside tests.
 */
export function useTestDatabase(kind: DbKind, opts: { boss?: boolean } = {}): TestDatabase {
  let current: TestDatabase | undefined;
  let stopBoss: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    current = await freshDatabase(kind);
    if (opts.boss) stopBoss = (await startTestBoss()).stop;
  });
  afterAll(async () => {
    await stopBoss?.();
    await current?.close();
  });
  const ready = (): TestDatabase => {
    if (!current) throw new Error("the test database opens in beforeAll: use it inside a hook or test");
    return current;
  };
  return {
    kind,
    get db() {
      return ready().db;
    },
    get handle() {
      return ready().handle;
    },
    get url() {
      return ready().url;
    },
    close: () => ready().close(),
  };
}
