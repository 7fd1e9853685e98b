/**
 * The benchmark's database: a throwaway database on the PostgreSQL server when DATABASE_URL is
 * set (dropped afterwards), else a PGlite in a temporary directory. Installed as the process's database.
 */
import { randomBytes } from "node:crypto";
import { openDatabase, type Handle } from "@/db/client";
import { setDatabaseForTests } from "@/lib/db";

export interface BenchDatabase {
  handle: Handle;
  label: string;
  close(): Promise<void>;
}

export async function openBenchDatabase(dataDir: string): Promise<BenchDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    // On disk in a temporary directory: an in-memory PGlite would count the whole database
    // towards this process's RSS, which is not what the memory figure is about.
    const handle = await openDatabase({ dataDir });
    await handle.migrate();
    setDatabaseForTests(handle);
    return { handle, label: `PGlite (in this process, files in ${dataDir})`, close: () => handle.close() };
  }
  const name = `esm_fanout_${randomBytes(5).toString("hex")}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), max: 10 });
  await handle.migrate();
  setDatabaseForTests(handle);
  return {
    handle,
    label: `PostgreSQL (throwaway database ${name})`,
    async close() {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
