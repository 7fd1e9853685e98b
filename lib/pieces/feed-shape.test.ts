import { beforeAll, describe, expect, it } from "vitest";
import { xml2js, type Element } from "xml-js";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { seedIfEmpty } from "@/db/seed";
import { DEMO_PIECES } from "@/db/demo-pieces";
import { buildFeed } from "./feed";

const DC = "http://purl.org/dc/elements/1.1/";
const children = (el: Element | undefined, name: string): Element[] => (el?.elements ?? []).filter((e) => e.name === name);
const text = (el: Element | undefined): string => (el?.elements ?? []).map((e) => String(e.text ?? e.cdata ?? "")).join("");
const EMAIL_AUTHOR = /^[^\s@]+@[^\s@]+\.[^\s@]+( \(.+\))?$/;

describe.each(databaseKinds())("RSS feed on %s", (kind) => {
  const t = useTestDatabase(kind);
  beforeAll(async () => {
    await seedIfEmpty(t.db);
  });

  it("is RSS 2.0 whose items name their author as dc:creator (declared), never a bare name in <author>", async () => {
    const doc = xml2js(await buildFeed(), { compact: false }) as Element;
    const [rss] = children(doc, "rss");
    expect(rss?.attributes?.version).toBe("2.0");
    expect(rss?.attributes?.["xmlns:dc"]).toBe(DC);
    const [channel] = children(rss, "channel");
    for (const required of ["title", "link", "description"]) expect(text(children(channel, required)[0])).not.toBe("");
    const items = children(channel, "item");
    expect(items.length).toBe(Math.min(30, DEMO_PIECES.length));
    for (const item of items) {
      for (const required of ["title", "link", "guid", "pubDate", "description"]) expect(children(item, required)).toHaveLength(1);
      for (const author of children(item, "author")) expect(text(author)).toMatch(EMAIL_AUTHOR);
    }
    const creators = items.flatMap((item) => children(item, "dc:creator").map(text));
    expect(creators.length).toBeGreaterThan(0);
    expect(creators.every((c) => c.trim().length > 0)).toBe(true);
  });
});
