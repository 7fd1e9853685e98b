/** Two instances booting at once on an empty PostgreSQL database both come up, with each migration applied once. */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { throwawayPostgres } from "@/test-support/throwaway-postgres";

const MIGRATION_FILES = readdirSync(path.join(import.meta.dirname, "migrations")).filter((f) => f.endsWith(".sql"));

describe.skipIf(!process.env.DATABASE_URL)("migrations on PostgreSQL", () => {
  it("apply once when several instances boot at the same moment", async () => {
    const empty = await throwawayPostgres("esm_boot", { max: 1, migrate: false });
    const rounds = await Promise.all([1, 2, 3, 4].map(() => openDatabase({ databaseUrl: empty.url, max: 2 })));
    try {
      const results = await Promise.allSettled(rounds.map((h) => h.migrate()));
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
      const { default: postgres } = await import("postgres");
      const sql = postgres(empty.url, { max: 1, onnotice: () => {} });
      const applied = await sql<{ hash: string }[]>`SELECT hash FROM drizzle.__drizzle_migrations`;
      const tables = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'pieces'`;
      await sql.end();
      expect(applied).toHaveLength(MIGRATION_FILES.length);
      expect(new Set(applied.map((r) => r.hash)).size).toBe(MIGRATION_FILES.length);
      expect(tables[0]?.n).toBe(1);
    } finally {
      await Promise.all(rounds.map((h) => h.close()));
      await empty.close();
    }
  });
});
