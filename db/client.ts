import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import path from "node:path";
import { mkdirSync } from "node:fs";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

import type { PGlite } from "@electric-sql/pglite";

export interface Handle {
  db: Db;
  kind: "pglite" | "postgres";
  /** The embedded engine itself (PGlite only), for pg-boss's adapter. */
  pglite?: PGlite;
  databaseUrl?: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");
/** pg_advisory_lock key of schema migration: a fixed bigint, the same in every process. */
const MIGRATION_LOCK_KEY = 7_213_004_551;

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** Max pooled connections for Postgres (default 10). */
  max?: number;
}

/** Opens a fresh database handle. Most code wants `db()` instead. */
export async function openDatabase(opts: OpenOptions): Promise<Handle> {
  if (opts.databaseUrl) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const client = postgres(opts.databaseUrl, { max: opts.max ?? 10, onnotice: () => {} });
    const db = drizzle(client, { schema });
    return {
      db,
      kind: "postgres",
      databaseUrl: opts.databaseUrl,
      migrate: async () => {
        // Instances booting together (a rolling deploy) take turns: each migration is applied once.
        const lock = await client.reserve();
        try {
          await lock`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
          await migrate(db, { migrationsFolder: MIGRATIONS });
        } finally {
          await lock`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => undefined);
          lock.release();
        }
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dir = opts.dataDir ? path.resolve(opts.dataDir, "pglite") : undefined;
  if (dir) mkdirSync(dir, { recursive: true });
  const client = dir ? await PGlite.create(dir) : await PGlite.create();
  const db = drizzle(client, { schema });
  return {
    db,
    kind: "pglite",
    pglite: client,
    migrate: () => migrate(db, { migrationsFolder: MIGRATIONS }),
    close: () => client.close(),
  };
}
