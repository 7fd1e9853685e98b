/**
 * A throwaway PostgreSQL database whose URL child processes can use too (db/testing's
 * freshDatabase keeps its URL to itself). Migrated, and installed as the process's database.
 */
import { randomBytes } from "node:crypto";
import { openDatabase, type Handle } from "@/db/client";
import { setDatabaseForTests } from "@/lib/db";

export interface SharedPostgres {
  url: string;
  handle: Handle;
  close(): Promise<void>;
}

export async function sharedPostgres(): Promise<SharedPostgres> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set");
  const name = `esm_nl_${randomBytes(6).toString("hex")}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), max: 5 });
  await handle.migrate();
  setDatabaseForTests(handle);
  return {
    url: url.toString(),
    handle,
    async close() {
      setDatabaseForTests(undefined);
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
