import { describe, expect, it } from "vitest";
import { filterQuery, parseArchiveFilters, parseRadarFilters } from "./filters";
import { archiveFiltersOfSegments, filteredCategoryHref } from "./archive-segments";

const lists = { vectors: ["cyber", "supply-chain"], sectors: ["telecoms"], regions: ["east-asia"] };

describe("radar filters", () => {
  it("accepts known slugs and a status, and treats blanks as absent", () => {
    expect(parseRadarFilters({ vector: "cyber", sector: "telecoms", region: "east-asia", status: "triggered" }, lists)).toEqual({
      ok: true,
      filters: { vector: "cyber", sector: "telecoms", region: "east-asia", status: "triggered" },
    });
    expect(parseRadarFilters({ vector: "", sector: "", region: "", status: "" }, lists)).toEqual({ ok: true, filters: {} });
    expect(parseRadarFilters({ other: "x" }, lists)).toEqual({ ok: true, filters: {} });
  });

  it.each([
    [{ status: "gone" }, /Status: choose watching, triggered or faded/],
    [{ vector: "<script>" }, /Vector: choose one from the list/],
    [{ vector: ["cyber", "supply-chain"] }, /Vector: choose one at a time/],
    [{ vector: "weather" }, /Vector: there is no “weather”/],
    [{ sector: "east-asia" }, /Sector: there is no “east-asia”/],
    [{ region: "telecoms" }, /Region: there is no “telecoms”/],
    [{ vector: "a".repeat(200) }, /Vector: choose one from the list/],
  ])("refuses %j with a clear message", (raw, message) => {
    const parsed = parseRadarFilters(raw, lists);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});

describe("archive filters", () => {
  it("accepts a known vector and a level", () => {
    expect(parseArchiveFilters({ vector: "cyber", level: "high" }, lists)).toEqual({ ok: true, filters: { vector: "cyber", level: "high" } });
    expect(parseArchiveFilters({ level: "severe" }, lists)).toEqual({ ok: true, filters: { level: "severe" } });
  });

  it("refuses an unknown level or vector", () => {
    expect(parseArchiveFilters({ level: "extreme" }, lists)).toMatchObject({ ok: false, error: expect.stringMatching(/Risk level: choose low, guarded/) });
    expect(parseArchiveFilters({ vector: "weather" }, lists)).toMatchObject({ ok: false, error: expect.stringMatching(/no “weather”/) });
  });

  it("reads the rewritten path segments, _ standing for any", () => {
    const vectors = lists.vectors.map((slug) => ({ slug }));
    expect(archiveFiltersOfSegments({ vector: "_", level: "high" }, vectors)).toEqual({ ok: true, filters: { level: "high" } });
    expect(archiveFiltersOfSegments({ vector: "cyber", level: "_" }, vectors)).toEqual({ ok: true, filters: { vector: "cyber" } });
    expect(archiveFiltersOfSegments({ vector: "%E0%A4%A", level: "_" }, vectors).ok).toBe(false);
  });

  it("writes the segments back as the public filtered address (where a renamed category's old one redirects)", () => {
    expect(filteredCategoryHref("sea-freight", { vector: "cyber", level: "high" })).toBe("/category/sea-freight?vector=cyber&level=high");
    expect(filteredCategoryHref("sea-freight", { vector: "_", level: "low" })).toBe("/category/sea-freight?level=low");
    expect(filteredCategoryHref("sea-freight", { vector: "_", level: "_" })).toBe("/category/sea-freight");
    expect(filteredCategoryHref("markets", { vector: "a%26b", level: "_" })).toBe("/category/markets?vector=a%26b");
  });

  it("writes filters back as a query string without blanks", () => {
    expect(filterQuery({ vector: "cyber", level: undefined })).toBe("?vector=cyber");
    expect(filterQuery({})).toBe("");
  });
});
