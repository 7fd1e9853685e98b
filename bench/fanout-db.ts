/**
 * The benchmark's database: a throwaway database on the PostgreSQL server when DATABASE_URL is
 * set (dropped afterwards), else a PGlite in a temporary directory. Installed as the process's database.
 */
import { openDatabase, type Handle } from "@/db/client";
import { setDatabaseForTests } from "@/lib/db";
import { throwawayPostgres } from "@/test-support/throwaway-postgres";

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
  const pg = await throwawayPostgres("esm_fanout", { max: 10 });
  setDatabaseForTests(pg.handle);
  return { handle: pg.handle, label: `PostgreSQL (throwaway database ${pg.name})`, close: () => pg.close() };
}
