import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { DEMO_ASSESSMENTS } from "@/db/demo-risk";
import { pieces } from "@/db/schema";
import { seedDemoPieces } from "@/db/seed";
import { ANONYMOUS, type Viewer } from "@/lib/access/rule";
import { viewersById } from "@/lib/newsletter/viewers";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { seedReader, type ReaderKind } from "@/test-support/newsletter-fixtures";
import { radarForViewer } from "./radar";

const policy = () => ({ now: new Date(), paymentGraceDays: 7 });

type Status = "watching" | "triggered" | "faded";
/** Every demo signal of the published demo pieces with its current status. */
function demoSignals(skip: readonly string[] = []): { slug: string; statement: string; indicator: string; status: Status; notes: string[]; tags: string[]; vectors: string[] }[] {
  return Object.entries(DEMO_ASSESSMENTS)
    .filter(([slug]) => !skip.includes(slug))
    .flatMap(([slug, a]) =>
      a.signals.map((s) => ({
        slug,
        statement: s.statement,
        indicator: s.indicator,
        status: s.history.at(-1)![0],
        notes: s.history.map((h) => h[2]),
        tags: a.tags,
        vectors: a.vectors.map((v) => v[0]),
      })),
    );
}

describe.each(databaseKinds())("the risk radar on %s", (kind) => {
  const t = useTestDatabase(kind);
  const DRAFT = "port-automation-strike-baltic";

  beforeAll(async () => {
    await seedDemoPieces(t.db);
    // A piece taken back to draft: its signals leave the radar for everyone.
    await t.db.update(pieces).set({ status: "draft" }).where(eq(pieces.slug, DRAFT));
  });

  async function viewer(k: ReaderKind | "anonymous"): Promise<Viewer> {
    if (k === "anonymous") return ANONYMOUS;
    const r = await seedReader(t.db, k);
    return (await viewersById(t.db, [r.id])).get(r.id)!;
  }

  it.each(["anonymous", "free", "canceled", "past_due_expired", "expired_grant"] as const)(
    "a %s reader gets the shape only: open signals counted by vector, no statement, indicator or note",
    async (k) => {
      const radar = await radarForViewer(await viewer(k), {}, policy());
      expect(radar.kind).toBe("shape");
      expect(Object.keys(radar).sort()).toEqual(["counts", "kind"]);
      const open = demoSignals([DRAFT]).filter((s) => s.status !== "faded");
      const expected = new Map<string, number>();
      for (const s of open) for (const v of s.vectors) expected.set(v, (expected.get(v) ?? 0) + 1);
      expect(new Map(radar.counts.map((c) => [c.slug, c.signals]))).toEqual(expected);
      const json = JSON.stringify(radar);
      for (const s of demoSignals()) {
        expect(json).not.toContain(s.statement);
        expect(json).not.toContain(s.indicator);
        for (const n of s.notes) expect(json).not.toContain(n);
      }
    },
  );

  it.each(["active", "trialing", "past_due_in_grace", "complimentary", "admin"] as const)(
    "a %s reader gets every open signal of the published pieces, newest status change first",
    async (k) => {
      const radar = await radarForViewer(await viewer(k), {}, policy());
      if (radar.kind !== "signals") throw new Error(`expected signals, got ${radar.kind}`);
      const open = demoSignals([DRAFT]).filter((s) => s.status !== "faded");
      expect(radar.signals.map((s) => s.statement).sort()).toEqual(open.map((s) => s.statement).sort());
      const times = radar.signals.map((s) => s.statusAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      for (const s of radar.signals) {
        expect(s.piece.slug).not.toBe(DRAFT);
        expect(demoSignals().find((d) => d.statement === s.statement)?.notes.at(-1)).toBe(s.note);
      }
    },
  );

  it("filters by vector, sector, region and status", async () => {
    const v = await viewer("active");
    const all = demoSignals([DRAFT]);
    const statements = async (filters: Parameters<typeof radarForViewer>[1]) => {
      const radar = await radarForViewer(v, filters, policy());
      if (radar.kind !== "signals") throw new Error("expected signals");
      return radar.signals.map((s) => s.statement).sort();
    };
    const faded = all.filter((s) => s.status === "faded");
    expect(faded.length).toBeGreaterThan(0);
    expect(await statements({ status: "faded" })).toEqual(faded.map((s) => s.statement).sort());
    const triggered = all.filter((s) => s.status === "triggered");
    expect(await statements({ status: "triggered" })).toEqual(triggered.map((s) => s.statement).sort());
    const open = all.filter((s) => s.status !== "faded");
    const byVector = open.filter((s) => s.vectors.includes("cyber"));
    expect(byVector.length).toBeGreaterThan(0);
    expect(byVector.length).toBeLessThan(open.length);
    expect(await statements({ vector: "cyber" })).toEqual(byVector.map((s) => s.statement).sort());
    const bySector = open.filter((s) => s.tags.includes("telecoms"));
    expect(await statements({ sector: "telecoms" })).toEqual(bySector.map((s) => s.statement).sort());
    const byRegion = open.filter((s) => s.tags.includes("western-europe"));
    expect(await statements({ region: "western-europe" })).toEqual(byRegion.map((s) => s.statement).sort());
    // A region slug given as a sector matches nothing.
    expect(await statements({ sector: "western-europe" })).toEqual([]);
  });
});
