/** The read counter (PGlite, and PostgreSQL when DATABASE_URL is set): one upserted row per piece and day, rate-limited per client. */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { pieceReads, pieces } from "@/db/schema";
import { seedPiece } from "@/test-support/newsletter-fixtures";
import { POST } from "@/app/api/reads/route";
import { countRead, READ_WINDOW_MS } from "./reads";

describe.each(databaseKinds())("page reads on %s", (kind) => {
  const t = useTestDatabase(kind);
  const slugOf = async (id: string) => (await t.db.select({ slug: pieces.slug }).from(pieces).where(eq(pieces.id, id)))[0]?.slug ?? "";
  const readsOf = (id: string) => t.db.select({ day: pieceReads.day, reads: pieceReads.reads }).from(pieceReads).where(eq(pieceReads.pieceId, id));

  it("counts one read per client and piece in the window, into one row per day", async () => {
    const id = await seedPiece(t.db);
    const slug = await slugOf(id);
    const now = new Date("2026-03-02T09:00:00Z");
    expect(await countRead(slug, "203.0.113.5", now)).toBe("counted");
    expect(await countRead(slug, "203.0.113.5", new Date(now.getTime() + 1000))).toBe("limited");
    expect(await countRead(slug, "203.0.113.6", now)).toBe("counted");
    expect(await countRead(slug, "203.0.113.5", new Date(now.getTime() + READ_WINDOW_MS + 1000))).toBe("counted");
    expect(await countRead(slug, "203.0.113.7", new Date("2026-03-03T01:00:00Z"))).toBe("counted");
    expect(await readsOf(id)).toEqual(
      expect.arrayContaining([
        { day: "2026-03-02", reads: 3 },
        { day: "2026-03-03", reads: 1 },
      ]),
    );
    expect(await readsOf(id)).toHaveLength(2);
  });

  it("stops a loop: past its hourly number of reads, a client counts no more reads on any piece until the hour has passed", async () => {
    const limits = { perHour: 5, windowMs: READ_WINDOW_MS };
    const ids = await Promise.all(Array.from({ length: 8 }, () => seedPiece(t.db)));
    const slugs = await Promise.all(ids.map(slugOf));
    const start = new Date("2026-04-01T10:00:00Z");
    const outcomes = [];
    for (const [i, slug] of slugs.entries()) outcomes.push(await countRead(slug, "198.51.100.9", new Date(start.getTime() + i * 60_000), limits));
    expect(outcomes).toEqual(["counted", "counted", "counted", "counted", "counted", "limited", "limited", "limited"]);
    // Another client is not held back; the same client counts again an hour later.
    expect(await countRead(slugs[7]!, "198.51.100.10", new Date(start.getTime() + 8 * 60_000), limits)).toBe("counted");
    expect(await countRead(slugs[6]!, "198.51.100.9", new Date(start.getTime() + 3_600_000 + 60_000), limits)).toBe("counted");
    const total = (await Promise.all(ids.map(readsOf))).flat().reduce((s, r) => s + r.reads, 0);
    expect(total).toBe(7);
  });

  it("ignores drafts and unknown slugs, and the route refuses bad input", async () => {
    const draft = await seedPiece(t.db, { status: "draft" });
    expect(await countRead(await slugOf(draft), "192.0.2.1")).toBe("unknown-piece");
    expect(await countRead("no-such-piece", "192.0.2.1")).toBe("unknown-piece");
    expect(await readsOf(draft)).toHaveLength(0);
    const bad = await POST(new Request("http://localhost/api/reads", { method: "POST", body: JSON.stringify({ slug: "../x" }) }));
    expect(bad.status).toBe(400);
    const published = await seedPiece(t.db);
    const ok = await POST(new Request("http://localhost/api/reads", { method: "POST", body: JSON.stringify({ slug: await slugOf(published) }) }));
    expect(ok.status).toBe(202);
    expect(await readsOf(published)).toHaveLength(1);
  });
});
