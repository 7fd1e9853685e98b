import path from "node:path";
import { defineConfig } from "drizzle-kit";
import { z } from "zod";

// The same two variables as lib/env.ts (which is server-only, so not imported here).
const env = z
  .object({
    DATABASE_URL: z
      .string()
      .optional()
      .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined))
      .pipe(z.url().optional()),
    DATA_DIR: z.string().min(1).default(".data"),
  })
  .parse(process.env);

const common = { dialect: "postgresql", schema: "./db/schema.ts", out: "./db/migrations" } as const;

/**
 * PostgreSQL when DATABASE_URL is set. Otherwise the embedded PGlite database in DATA_DIR/pglite:
 * that folder can be opened by one process at a time, so stop the app (npm run dev / start /
 * worker) before `npm run db:studio` or any other drizzle-kit command that connects.
 */
export default env.DATABASE_URL
  ? defineConfig({ ...common, dbCredentials: { url: env.DATABASE_URL } })
  : defineConfig({ ...common, driver: "pglite", dbCredentials: { url: path.resolve(env.DATA_DIR, "pglite") } });
