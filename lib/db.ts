import "server-only";
import { openDatabase, type Db, type Handle } from "@/db/client";
import { config } from "@/lib/env";

const store = globalThis as unknown as { esmDb?: Promise<Handle> };

/** The process-wide database, opened on first use (never at import, so `next build` stays offline). */
export async function handle(): Promise<Handle> {
  if (!store.esmDb) {
    const cfg = config();
    store.esmDb = openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
  }
  return store.esmDb;
}

export async function db(): Promise<Db> {
  return (await handle()).db;
}

/** Tests swap in their own handle. */
export function setDatabaseForTests(h: Handle | undefined): void {
  store.esmDb = h ? Promise.resolve(h) : undefined;
}
