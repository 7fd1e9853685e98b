import { randomBytes } from "node:crypto";
import { openDatabase, type Handle } from "@/db/client";

export interface ThrowawayPostgres {
  url: string;
  handle: Handle;
  name: string;
  close(): Promise<void>;
}

/** A new database (migrated unless told otherwise) on the PostgreSQL server at DATABASE_URL, dropped by `close()`. */
export async function throwawayPostgres(prefix: string, opts: { max?: number; migrate?: boolean } = {}): Promise<ThrowawayPostgres> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set");
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), max: opts.max ?? 5 });
  if (opts.migrate ?? true) await handle.migrate();
  return {
    url: url.toString(),
    handle,
    name,
    async close() {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
