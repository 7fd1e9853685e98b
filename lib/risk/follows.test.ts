/** Follows (PGlite, and PostgreSQL when DATABASE_URL is set): zod at the edge, existing targets only, one row per follow. */
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { follows } from "@/db/schema-risk";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { seedPiece, seedReader } from "@/test-support/newsletter-fixtures";
import { seedAssessedPiece } from "@/test-support/risk-fixtures";
import { follow, followKeysOf, followKeysSql, followsOf, unfollow } from "./follows";

describe.each(databaseKinds())("follows on %s", (kind) => {
  const t = useTestDatabase(kind);

  it("follows a piece, a vector, a sector and a region once each, lists them by name, and unfollows", async () => {
    const p = await seedAssessedPiece(t.db);
    const r = await seedReader(t.db, "free");
    for (const input of [
      { kind: "piece", target: p.pieceId },
      { kind: "vector", target: "regulatory" },
      { kind: "sector", target: p.sectorId },
      { kind: "region", target: p.regionId },
      { kind: "vector", target: "regulatory" },
    ]) expect(await follow(r.id, input)).toEqual({ ok: true });
    const rows = await t.db.select().from(follows).where(eq(follows.userId, r.id));
    expect(rows).toHaveLength(4);
    const listed = await followsOf(r.id);
    expect(listed.map((f) => f.kind).sort()).toEqual(["piece", "region", "sector", "vector"]);
    expect(listed.find((f) => f.kind === "vector")?.name).toBe("Regulatory");
    expect(await followKeysOf(r.id)).toContain(`sector:${p.sectorId}`);
    // The one-statement form gives the same keys, and leaves out a target that no longer exists.
    await t.db.insert(follows).values({ userId: r.id, kind: "piece", target: "gone-piece-id" });
    const [row] = await t.db.select({ keys: followKeysSql(sql`${r.id}`) }).from(sql`(select 1) as one`);
    const keys = (typeof row?.keys === "string" ? JSON.parse(row.keys) : row?.keys) as string[];
    expect(new Set(keys)).toEqual(await followKeysOf(r.id));
    expect(keys).toHaveLength(4);
    expect(await unfollow(r.id, { kind: "sector", target: p.sectorId })).toEqual({ ok: true });
    expect((await followKeysOf(r.id)).has(`sector:${p.sectorId}`)).toBe(false);
  });

  it("refuses bad input and unknown or mismatched targets with a clear message, changing nothing", async () => {
    const p = await seedAssessedPiece(t.db);
    const draft = await seedPiece(t.db, { status: "draft" });
    const r = await seedReader(t.db, "free");
    const refusals = await Promise.all([
      follow(r.id, { kind: "organisation", target: "x" }),
      follow(r.id, { kind: "vector", target: "" }),
      follow(r.id, { kind: "vector", target: "x".repeat(101) }),
      follow(r.id, { kind: "vector", target: "no-such-vector" }),
      follow(r.id, { kind: "region", target: p.sectorId }),
      follow(r.id, { kind: "piece", target: draft }),
      follow(r.id, null),
    ]);
    for (const result of refusals) expect(result).toEqual({ ok: false, error: expect.stringMatching(/follow|Unknown/) });
    expect(await t.db.select().from(follows).where(eq(follows.userId, r.id))).toHaveLength(0);
  });
});
