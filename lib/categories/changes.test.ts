import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { categories, pieces } from "@/db/schema";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { seedPiece } from "@/test-support/newsletter-fixtures";
import { createCategory, mergeCategory, renameCategory } from "./changes";
import { redirectedCategorySlug } from "./store";

describe.each(databaseKinds())("managing categories on %s", (kind) => {
  const t = useTestDatabase(kind);
  const idOf = async (name: string) => (await t.db.select({ id: categories.id }).from(categories).where(eq(categories.name, name)))[0]!.id;

  it("creates, refuses a duplicate, renames with a redirect, merges moving pieces", async () => {
    expect(await createCategory(t.db, "Energy", "Power and fuel.")).toMatchObject({ ok: true, slugs: ["energy"] });
    expect(await createCategory(t.db, "Energy", "")).toEqual({ ok: false, error: expect.stringMatching(/exists already/) });
    const pieceId = await seedPiece(t.db, { category: "Energy" });
    const renamed = await renameCategory(t.db, await idOf("Energy"), "Energy & Climate", "Power, fuel, weather.");
    expect(renamed).toMatchObject({ ok: true, slugs: ["energy", "energy-and-climate"] });
    expect((await t.db.select({ c: pieces.category }).from(pieces).where(eq(pieces.id, pieceId)))[0]?.c).toBe("Energy & Climate");
    expect(await redirectedCategorySlug("energy")).toBe("energy-and-climate");

    await createCategory(t.db, "Climate", "");
    const merged = await mergeCategory(t.db, await idOf("Energy & Climate"), await idOf("Climate"));
    expect(merged.ok && merged.movedPieceSlugs.length).toBe(1);
    expect((await t.db.select({ c: pieces.category }).from(pieces).where(eq(pieces.id, pieceId)))[0]?.c).toBe("Climate");
    expect(await redirectedCategorySlug("energy")).toBe("climate");
    expect(await redirectedCategorySlug("energy-and-climate")).toBe("climate");
  });
});
