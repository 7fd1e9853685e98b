import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { seedIfEmpty } from "@/db/seed";
import { DEMO_PIECES } from "@/db/demo-pieces";
import { pieces } from "@/db/schema";
import { buildFeed } from "./feed";

const HOSTILE = [
  "Markets moved. <script>alert('raw')</script>",
  "&lt;script&gt;alert('escaped')&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt;",
  '<img src=x onerror="alert(2)"> [link](javascript:alert(3))',
].join("\n\n");

/** What a feed reader renders for each item: the description, XML-decoded (CDATA or entities). */
function descriptions(xml: string): string[] {
  return [...xml.matchAll(/<description>([\s\S]*?)<\/description>/g)].map(([, raw = ""]) => {
    const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(raw);
    if (cdata) return cdata[1] ?? "";
    return raw.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  });
}

describe.each(databaseKinds())("the RSS feed on %s", (kind) => {
  const t = useTestDatabase(kind);
  const target = DEMO_PIECES[0]!;
  beforeAll(async () => {
    await seedIfEmpty(t.db);
    await t.db.update(pieces).set({ teaser: HOSTILE }).where(eq(pieces.slug, target.slug));
  });

  it("gives readers the sanitized teaser: escaped markup in the markdown stays text, never live markup", async () => {
    const items = descriptions(await buildFeed());
    const hostile = items.find((d) => d.includes("Markets moved."));
    expect(hostile, "the hostile teaser is in the feed").toBeDefined();
    // No live element but the sanitizer's own, no handler attribute, no script URL.
    expect(hostile).not.toMatch(/<(?:script|img)\b/i);
    expect(hostile).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i);
    expect(hostile).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
    // The escaped markup survives as visible text, still escaped for an HTML renderer.
    expect(hostile).toContain("&lt;script&gt;alert");
  });
});
