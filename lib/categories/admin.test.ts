import { beforeAll, describe, expect, it } from "vitest";
import { eq, like } from "drizzle-orm";
import { auditLog, pieces } from "@/db/schema";
import { seedDemoPieces } from "@/db/seed";
import type { Viewer } from "@/lib/access/rule";
import { createPageStore } from "@/lib/cache/page-store.mjs";
import { viewersById } from "@/lib/newsletter/viewers";
import { findCategory } from "@/lib/pieces/queries";
import { AdminAccessDenied } from "@/lib/staff/authz";
import { auditWords } from "@/lib/staff/audit-words";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { seedReader, type ReaderKind } from "@/test-support/newsletter-fixtures";
import { addCategory, editCategory, listCategoriesForAdmin, mergeCategories } from "./admin";
import { redirectedCategorySlug } from "./store";

describe.each(databaseKinds())("category admin on %s", (kind) => {
  const t = useTestDatabase(kind);
  beforeAll(async () => {
    // This process's page cache, as a Next server has one: every change drops the category's pages.
    createPageStore(undefined, {});
    await seedDemoPieces(t.db);
  });

  async function viewer(k: ReaderKind): Promise<Viewer> {
    const r = await seedReader(t.db, k);
    return (await viewersById(t.db, [r.id])).get(r.id)!;
  }
  const idOf = async (name: string) => (await listCategoriesForAdmin()).find((c) => c.name === name)!.id;

  it.each(["active", "free", "editor"] as const)("refuses a %s: nothing changes", async (k) => {
    const v = await viewer(k);
    const before = await listCategoriesForAdmin();
    await expect(addCategory(v, { name: "Energy", description: "" })).rejects.toBeInstanceOf(AdminAccessDenied);
    await expect(editCategory(v, { id: await idOf("Markets"), name: "Money", description: "" })).rejects.toBeInstanceOf(AdminAccessDenied);
    await expect(mergeCategories(v, { id: await idOf("Markets"), into: await idOf("Technology") })).rejects.toBeInstanceOf(AdminAccessDenied);
    expect(await listCategoriesForAdmin()).toEqual(before);
  });

  it("refuses bad input with a clear message, changing nothing", async () => {
    const admin = await viewer("admin");
    const before = await listCategoriesForAdmin();
    expect(await addCategory(admin, { name: " ", description: "" })).toEqual({ ok: false, error: "Name: at least 2 characters." });
    expect(await addCategory(admin, { name: "Markets", description: "" })).toEqual({ ok: false, error: expect.stringMatching(/exists already/) });
    expect(await addCategory(admin, { name: "Energy", description: "x".repeat(301) })).toEqual({ ok: false, error: "Description: at most 300 characters." });
    expect(await editCategory(admin, { id: "no-such-id", name: "Money", description: "" })).toEqual({ ok: false, error: expect.stringMatching(/no longer exists/) });
    expect(await mergeCategories(admin, { id: await idOf("Markets"), into: await idOf("Markets") })).toEqual({ ok: false, error: expect.stringMatching(/different category/) });
    expect(await mergeCategories(admin, { into: await idOf("Markets") })).toEqual({ ok: false, error: "Unknown category." });
    expect(await listCategoriesForAdmin()).toEqual(before);
  });

  it("adds, describes, renames and merges, with an audit line in words for each; old addresses redirect", async () => {
    const admin = await viewer("admin");
    expect(await addCategory(admin, { name: "Energy", description: "Power and fuel." })).toEqual({ ok: true, message: "Category “Energy” added." });
    const markets = (await listCategoriesForAdmin()).find((c) => c.name === "Markets")!;
    expect(markets.pieces).toBeGreaterThan(0);
    expect(await editCategory(admin, { id: markets.id, name: "Markets", description: "Prices first." })).toEqual({ ok: true, message: "“Markets” saved." });
    expect((await findCategory("markets"))?.description).toBe("Prices first.");

    expect(await editCategory(admin, { id: markets.id, name: "Money & Markets", description: "Prices first." })).toMatchObject({ ok: true, message: expect.stringMatching(/Renamed “Markets” to “Money & Markets”/) });
    expect(await redirectedCategorySlug("markets")).toBe("money-and-markets");
    expect((await findCategory("money-and-markets"))?.count).toBe(markets.pieces);
    expect(await findCategory("markets")).toBeNull();

    const tech = (await listCategoriesForAdmin()).find((c) => c.name === "Technology")!;
    const merged = await mergeCategories(admin, { id: markets.id, into: tech.id });
    expect(merged).toEqual({ ok: true, message: `Merged “Money & Markets” into “Technology”: ${markets.pieces} pieces moved; its old address redirects.` });
    expect(await t.db.select({ id: pieces.id }).from(pieces).where(eq(pieces.category, "Money & Markets"))).toHaveLength(0);
    expect((await listCategoriesForAdmin()).find((c) => c.name === "Technology")?.pieces).toBe(tech.pieces + markets.pieces);
    expect(await redirectedCategorySlug("markets")).toBe("technology");
    expect(await redirectedCategorySlug("money-and-markets")).toBe("technology");

    const lines = await t.db.select({ action: auditLog.action, target: auditLog.target }).from(auditLog).where(like(auditLog.action, "category.%"));
    expect(lines.map((l) => l.action).sort()).toEqual(["category.create", "category.describe", "category.merge", "category.rename"]);
    for (const l of lines) expect(auditWords(l.action)).not.toBe(l.action);
  });

  it("finds no redirect for junk", async () => {
    expect(await redirectedCategorySlug("x\u0000y")).toBeNull();
    expect(await redirectedCategorySlug("")).toBeNull();
  });
});
