import { randomBytes } from "node:crypto";
import { openDatabase, type Db } from "@/db/client";
import { setDatabaseForTests } from "@/lib/db";
import { stopBossForTests } from "@/lib/jobs/boss";

export type DbKind = "pglite" | "postgres";

/** PGlite always; PostgreSQL too when DATABASE_URL is set (as in CI). */
export function databaseKinds(): DbKind[] {
  return process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export interface TestDatabase {
  kind: DbKind;
  db: Db;
  close(): Promise<void>;
}

/** A fresh, migrated database: in-memory PGlite, or a throwaway database on the PostgreSQL server. */
export async function freshDatabase(kind: DbKind): Promise<TestDatabase> {
  await stopBossForTests();
  if (kind === "pglite") {
    const h = await openDatabase({});
    await h.migrate();
    setDatabaseForTests(h);
    return {
      kind,
      db: h.db,
      close: async () => {
        await stopBossForTests();
        setDatabaseForTests(undefined);
        await h.close();
      },
    };
  }
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set");
  const name = `esm_test_${randomBytes(6).toString("hex")}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const h = await openDatabase({ databaseUrl: url.toString(), max: 5 });
  await h.migrate();
  setDatabaseForTests(h);
  return {
    kind,
    db: h.db,
    close: async () => {
      await stopBossForTests();
      setDatabaseForTests(undefined);
      await h.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
