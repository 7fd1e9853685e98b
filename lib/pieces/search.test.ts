import { beforeAll, describe, expect, it } from "vitest";
import { ensureCategories } from "@/test-support/categories";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { pieces, subscriptions, users } from "@/db/schema";
import { ANONYMOUS, type Viewer, type Visibility } from "@/lib/access/rule";
import { viewerForUser } from "@/lib/auth/viewer-facts";
import { Highlighted } from "@/components/site/highlighted";
import { searchPieces } from "./search";
import { parseSearchParams, SEARCH_MAX_LENGTH } from "./search-query";

const now = new Date("2026-11-22T12:00:00Z");
const policy = { now, paymentGraceDays: 7 };
const DAY = 86_400_000;
const before = (days: number) => new Date(now.getTime() - days * DAY);

// Made-up words that no other text holds, so each assertion is about one field.
const ANALYSIS_ONLY = "quarrelsomeness";
const MEMBERS_ANALYSIS_ONLY = "marmaladery";
const MARKUP_WORD = "zanzibarite";

let n = 0;
function piece(fields: { headline?: string; teaser?: string; analysis?: string; sourceBody?: string; visibility?: Visibility; status?: "draft" | "scheduled" | "published"; publishAt?: Date | null }) {
  n += 1;
  return {
    slug: `piece-${n}`,
    category: "Markets",
    headline: fields.headline ?? `Plain headline ${n}`,
    teaser: fields.teaser ?? "An ordinary teaser.",
    analysis: fields.analysis ?? "An ordinary analysis.",
    ctaPitch: "Pitch",
    sourceOutlet: fields.sourceBody ? "Outlet" : null,
    sourceHeadline: fields.sourceBody ? "Source headline" : null,
    sourceBody: fields.sourceBody ?? null,
    visibility: fields.visibility ?? "paid",
    status: fields.status ?? "published",
    publishAt: fields.publishAt === undefined ? before(n) : fields.publishAt,
  };
}

describe.each(databaseKinds())("search on %s", (kind) => {
  const t = useTestDatabase(kind);
  const viewers: Record<"subscriber" | "free" | "lapsed" | "staff", Viewer> = {} as Record<"subscriber" | "free" | "lapsed" | "staff", Viewer>;
  const search = (query: string, viewer: Viewer = ANONYMOUS, page = 1, pageSize = 10) =>
    searchPieces({ query, page, pageSize, viewer, policy });
  const slugs = async (query: string, viewer?: Viewer) => (await search(query, viewer)).items.map((h) => h.piece.slug);

  beforeAll(async () => {
    await ensureCategories(t.db, ["Markets", "Technology", "Geopolitics"]);
    await t.db.insert(pieces).values([
      { ...piece({ headline: "Zeppelin makers face a helium squeeze", visibility: "public" }), slug: "headline-hit" },
      { ...piece({ sourceBody: "A report that mentions a zeppelin once." }), slug: "source-hit" },
      { ...piece({ teaser: "Zeppelin freight returns to the Baltic." }), slug: "teaser-hit" },
      { ...piece({ headline: "Zeppelin draft", status: "draft", publishAt: null }), slug: "draft-hit" },
      { ...piece({ headline: "Zeppelin scheduled", status: "scheduled", publishAt: new Date(now.getTime() + DAY) }), slug: "scheduled-hit" },
      { ...piece({ headline: "Zeppelin later", status: "published", publishAt: new Date(now.getTime() + DAY) }), slug: "future-hit" },
      { ...piece({ analysis: `The ${ANALYSIS_ONLY} of the ministers will decide it.` }), slug: "paid-analysis" },
      { ...piece({ analysis: `The ${MEMBERS_ANALYSIS_ONLY} sets in.`, visibility: "members" }), slug: "members-analysis" },
      { ...piece({ analysis: `A draft's ${ANALYSIS_ONLY}.`, status: "draft", publishAt: null, visibility: "public" }), slug: "draft-analysis" },
      {
        ...piece({ teaser: `<b>${MARKUP_WORD}</b> <script>alert(1)</script> <img src=x onerror=alert(2)> **bold** and [a link](https://example.com)`, visibility: "public" }),
        slug: "markup-teaser",
      },
      ...Array.from({ length: 12 }, (_, i) => ({ ...piece({ teaser: `Harbour congestion, part ${i + 1}.` }), slug: `harbour-${String(i + 1).padStart(2, "0")}` })),
    ]);
    const userIds: Record<string, string> = {};
    for (const [name, role] of [["subscriber", "reader"], ["free", "reader"], ["lapsed", "reader"], ["staff", "editor"]] as const) {
      const [u] = await t.db.insert(users).values({ email: `${name}@example.com`, role }).returning({ id: users.id });
      userIds[name] = u!.id;
    }
    await t.db.insert(subscriptions).values([
      { id: "sub_active", customerId: "cus_1", userId: userIds.subscriber, status: "active", currentPeriodEnd: new Date(now.getTime() + 20 * DAY), cancelAtPeriodEnd: false },
      { id: "sub_over", customerId: "cus_2", userId: userIds.lapsed, status: "canceled", currentPeriodEnd: before(3), cancelAtPeriodEnd: false },
    ]);
    for (const name of ["subscriber", "free", "lapsed", "staff"] as const) viewers[name] = await viewerForUser(userIds[name]!);
    expect(viewers.subscriber.kind).toBe("member");
  });

  it("ranks a headline match above a teaser match above a source-report match", async () => {
    expect(await slugs("zeppelin")).toEqual(["headline-hit", "teaser-hit", "source-hit"]);
    const [top] = (await search("zeppelin")).items;
    expect(top!.headline).toEqual([
      { text: "Zeppelin", marked: true },
      { text: " makers face a helium squeeze", marked: false },
    ]);
  });

  it("finds only published pieces: never drafts, scheduled pieces or ones published later", async () => {
    for (const viewer of [ANONYMOUS, viewers.staff!]) {
      const found = await slugs("zeppelin", viewer);
      expect(found).not.toContain("draft-hit");
      expect(found).not.toContain("scheduled-hit");
      expect(found).not.toContain("future-hit");
    }
    expect(await slugs(ANALYSIS_ONLY, viewers.staff)).toEqual(["paid-analysis"]);
  });

  it("paginates by rank, then newest first, without repeats or gaps", async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((p) => search("harbour congestion", ANONYMOUS, p, 5)));
    expect(pages.map((p) => p.items.length)).toEqual([5, 5, 2, 0]);
    expect(pages.every((p) => p.total === 12 && p.pageCount === 3)).toBe(true);
    const all = pages.flatMap((p) => p.items.map((h) => h.piece.slug));
    expect(all).toEqual(Array.from({ length: 12 }, (_, i) => `harbour-${String(i + 1).padStart(2, "0")}`));
    expect(pages[0]!.items[0]!.snippet.some((s) => s.marked && /harbour/i.test(s.text))).toBe(true);
  });

  it("searches a paid piece's analysis for a subscriber, with a snippet of it", async () => {
    const result = await search(ANALYSIS_ONLY, viewers.subscriber);
    expect(result.items.map((h) => h.piece.slug)).toEqual(["paid-analysis"]);
    expect(result.items[0]!.snippet).toContainEqual({ text: ANALYSIS_ONLY, marked: true });
  });

  it("never shows a word of a paid analysis to anonymous, free or lapsed readers: no hit, no count, no snippet", async () => {
    for (const viewer of [ANONYMOUS, viewers.free!, viewers.lapsed!]) {
      const result = await search(ANALYSIS_ONLY, viewer);
      expect(result).toEqual({ items: [], page: 1, pageCount: 1, total: 0 });
      // A piece that matches publicly and also holds the gated word: its snippet stays public.
      const both = await search(`"plain headline 7" OR ${ANALYSIS_ONLY}`, viewer);
      expect(JSON.stringify(both)).not.toContain(ANALYSIS_ONLY.slice(0, 8));
      expect(JSON.stringify(both)).not.toContain("ministers");
    }
  });

  it("searches a members piece's analysis for any signed-in reader, not for anonymous", async () => {
    expect(await slugs(MEMBERS_ANALYSIS_ONLY, viewers.free)).toEqual(["members-analysis"]);
    expect(await slugs(MEMBERS_ANALYSIS_ONLY, viewers.lapsed)).toEqual(["members-analysis"]);
    expect(await slugs(MEMBERS_ANALYSIS_ONLY, ANONYMOUS)).toEqual([]);
  });

  it("keeps markup in a teaser as text: the snippet renders no element of the piece's own", async () => {
    const [hit] = (await search(MARKUP_WORD)).items;
    expect(hit?.piece.slug).toBe("markup-teaser");
    const html = renderToStaticMarkup(createElement(Highlighted, { segments: hit!.snippet }));
    expect(html).toContain(`<mark>${MARKUP_WORD}</mark>`);
    expect(html).not.toMatch(/<(?:b|script|img)\b/);
    expect(html).toContain("&lt;img");
    expect(html).not.toContain("**");
    expect(html).toContain("a link");
    expect(html).not.toContain("https://example.com");
  });

  it("runs no search for an empty query or one of stop words only, and treats operators as words", async () => {
    expect((await search("   ")).total).toBe(0);
    expect((await search("the and of")).total).toBe(0);
    expect((await search("zeppelin & ! ( ' :*")).items.map((h) => h.piece.slug)).toContain("headline-hit");
  });
});

describe("search parameters", () => {
  it("accepts a query and a page, and an absent query as no search", () => {
    expect(parseSearchParams({ q: "  risk  ", page: "2" })).toEqual({ ok: true, params: { q: "risk", page: 2 } });
    expect(parseSearchParams({})).toEqual({ ok: true, params: { q: "", page: 1 } });
    expect(parseSearchParams({ q: ["first", "second"] })).toEqual({ ok: true, params: { q: "first", page: 1 } });
  });

  it.each([
    [{ q: "x".repeat(SEARCH_MAX_LENGTH + 1) }, /at most/],
    [{ q: "risk", page: "0" }, /start at 1/],
    [{ q: "risk", page: "1000" }, /up to page/],
    [{ q: "risk", page: "two" }, /number/],
    [{ q: "risk", page: "1.5" }, /whole/],
  ])("refuses %j with a clear message", (raw, message) => {
    const parsed = parseSearchParams(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});
