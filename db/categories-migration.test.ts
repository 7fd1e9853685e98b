import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { asc, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Handle } from "@/db/client";
import { categories, pieces } from "@/db/schema";
import { databaseKinds } from "@/test-support/database";
import { throwawayPostgres } from "@/test-support/throwaway-postgres";

const DIR = path.join(process.cwd(), "db", "migrations");
const FILES = readdirSync(DIR).filter((f) => f.endsWith(".sql")).sort();
const CATEGORIES = FILES.findIndex((f) => f.endsWith("_categories.sql"));

async function apply(handle: Handle, files: readonly string[]): Promise<void> {
  for (const file of files) {
    for (const statement of readFileSync(path.join(DIR, file), "utf8").split("--> statement-breakpoint")) {
      if (statement.trim()) await handle.db.execute(sql.raw(statement));
    }
  }
}

describe.each(databaseKinds())("the migration from free-text categories (%s)", (kind) => {
  let handle: Handle;
  let close: () => Promise<void>;
  beforeAll(async () => {
    if (kind === "pglite") {
      handle = await openDatabase({});
      close = () => handle.close();
    } else {
      const pg = await throwawayPostgres("esm_cat_mig", { migrate: false });
      handle = pg.handle;
      close = pg.close;
    }
    await apply(handle, FILES.slice(0, CATEGORIES));
    const piece = (slug: string, category: string) =>
      sql`INSERT INTO pieces (id, slug, category, headline, teaser, analysis, cta_pitch) VALUES (${slug}, ${slug}, ${category}, 'h', 't', 'a', 'c')`;
    await handle.db.execute(piece("a", "Markets"));
    await handle.db.execute(piece("b", "Markets"));
    await handle.db.execute(piece("c", "Énergie & Climat"));
    await handle.db.execute(piece("d", "energie-and-climat"));
    await apply(handle, FILES.slice(CATEGORIES, CATEGORIES + 1));
  });
  afterAll(async () => close());

  it("creates one category per distinct text, slugged like the app, clashes suffixed", async () => {
    const list = await handle.db.select({ slug: categories.slug, name: categories.name }).from(categories).orderBy(asc(categories.slug));
    expect(list).toEqual([
      { slug: "energie-and-climat", name: "energie-and-climat" },
      { slug: "energie-and-climat-2", name: "Énergie & Climat" },
      { slug: "markets", name: "Markets" },
    ]);
  });

  it("links pieces: an unknown category is refused, a rename follows", async () => {
    await expect(
      handle.db.execute(sql`INSERT INTO pieces (id, slug, category, headline, teaser, analysis, cta_pitch) VALUES ('x', 'x', 'Typo', 'h', 't', 'a', 'c')`),
    ).rejects.toThrow();
    await handle.db.execute(sql`UPDATE categories SET name = 'Money' WHERE name = 'Markets'`);
    const rows = await handle.db.select({ category: pieces.category }).from(pieces).where(inArray(pieces.id, ["a", "b"]));
    expect(rows.map((r) => r.category)).toEqual(["Money", "Money"]);
  });
});
