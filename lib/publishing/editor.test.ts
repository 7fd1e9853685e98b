import { beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { auditLog, pieces, users } from "@/db/schema";
import type { Viewer } from "@/lib/access/rule";
import { renderMarkdown, renderMarkdownForMail } from "@/lib/pieces/markdown";
import { findPublishedBySlug } from "@/lib/pieces/queries";
import { createPageStore } from "@/lib/cache/page-store.mjs";
import { validPieceForm } from "@/test-support/piece-form";
import { ensureCategories } from "@/test-support/categories";
import { savePiece } from "./editor";
import { publishDuePieces } from "./schedule";

const actor = { kind: "member", userId: "", email: "editor@example.com", role: "editor", subscriptions: [], grants: [] } satisfies Viewer;
const form = (over: Record<string, unknown> = {}) => ({ ...validPieceForm(), ...over });

describe.each(databaseKinds())("publishing on %s", (kind) => {
  const t = useTestDatabase(kind);
  const pieceCount = async () => (await t.db.select({ n: count() }).from(pieces))[0]?.n ?? 0;
  beforeAll(async () => {
    // This process's page cache, as a Next server has one: saving invalidates its pages.
    await createPageStore(undefined, {});
    await ensureCategories(t.db, ["Markets", "Technology", "Geopolitics"]);
    const [u] = await t.db.insert(users).values({ email: actor.email, role: "editor" }).returning({ id: users.id });
    actor.userId = u!.id;
  });

  it("refuses bad input with a message per field and writes nothing", async () => {
    const before = await pieceCount();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ headline: "x".repeat(201) }, "headline", /too long/],
      [{ headline: "" }, "headline", /required/],
      [{ analysis: "x".repeat(30_001) }, "analysis", /too long/],
      [{ visibility: "secret" }, "visibility", /Public, Members or Paid/],
      [{ sourcePublishedAt: "not a date" }, "sourcePublishedAt", /not a valid date/],
      [{ sourceUrl: "javascript:alert(1)" }, "sourceUrl", /http/],
      [{ slug: "Bad Slug!" }, "slug", /lower-case/],
      [{ category: "Markts" }, "category", /categories in the list/],
    ];
    for (const [over, field, message] of cases) {
      const r = await savePiece(actor, null, form(over), "draft");
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[field as keyof typeof r.errors]).toMatch(message);
    }
    const past = await savePiece(actor, null, form({ publishAt: "2001-01-01T00:00:00Z" }), "schedule");
    expect(!past.ok && past.errors.publishAt).toMatch(/future/);
    expect(await pieceCount()).toBe(before);
  });

  it("makes the slug from the headline and refuses a duplicate", async () => {
    const first = await savePiece(actor, null, form(), "draft");
    expect(first.ok).toBe(true);
    const [row] = await t.db.select({ slug: pieces.slug }).from(pieces).where(eq(pieces.id, first.ok ? first.id : ""));
    expect(row?.slug).toBe("shipping-insurers-reprice-the-baltic");
    const dup = await savePiece(actor, null, form(), "draft");
    expect(!dup.ok && dup.errors.slug).toBe("That slug is already used by another piece.");
  });

  it("publishes, unpublishes, and logs every action", async () => {
    const r = await savePiece(actor, null, form({ headline: "Published then pulled" }), "publish");
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(await findPublishedBySlug("published-then-pulled")).not.toBeNull();
    const u = await savePiece(actor, r.id, form({ headline: "Published then pulled", slug: "published-then-pulled" }), "unpublish");
    expect(u.ok && u.status).toBe("draft");
    expect(await findPublishedBySlug("published-then-pulled")).toBeNull();
    const log = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.target, r.id));
    expect(log.map((l) => l.action).sort()).toEqual(["piece.publish", "piece.unpublish"]);
  });

  it("publishes a scheduled piece when its time comes, once", async () => {
    const at = new Date(Date.now() + 60_000);
    const r = await savePiece(actor, null, form({ headline: "Later", publishAt: at.toISOString() }), "schedule");
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(await findPublishedBySlug("later")).toBeNull();
    expect(await publishDuePieces(new Date(at.getTime() - 1000))).toEqual([]);
    expect(await publishDuePieces(new Date(at.getTime() + 1000))).toEqual([r.id]);
    expect(await publishDuePieces(new Date(at.getTime() + 2000))).toEqual([]);
    expect(await findPublishedBySlug("later", new Date(at.getTime() + 1000))).not.toBeNull();
  });
});

describe("markdown sanitizer", () => {
  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    '[click](javascript:alert(1))',
    '<a href="javascript:alert(1)">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<svg onload="alert(1)"></svg>',
    '<p style="position:fixed">x</p>',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
    // Issue 14: images and footnotes, the rich editor's new markup.
    '![a chart](javascript:alert(1))',
    `<img src="/media/${"a".repeat(64)}" alt="x" onerror="alert(1)" onload="alert(1)">`,
    `<sup><a href="javascript:alert(1)" id="fn-ref-1" onclick="alert(1)">1</a></sup>`,
    `<section class="footnotes" onmouseover="alert(1)" style="position:fixed"><li id="fn-1">x</li></section>`,
    'Note[^1]\n\n[^1]: [source](javascript:alert(1))',
  ])("renders %s inert", (payload) => {
    for (const part of ["teaser", "analysis"] as const) {
      // The site's form and the mail's (images by absolute URL) alike.
      for (const html of [renderMarkdown(payload, part), renderMarkdownForMail(payload, part, "https://esm.example")]) {
        expect(html).not.toMatch(/<script|onerror|onload|onclick|onmouseover|javascript:|<iframe|<svg|style=|data:text/i);
      }
    }
  });

  it.each([
    ["a foreign host", "![chart](https://evil.example/x.png)"],
    ["a protocol-relative URL", "![chart](//evil.example/x.png)"],
    ["a data URL", "![chart](data:image/png;base64,iVBORw0KGgo=)"],
    ["a path outside /media/", "![chart](/admin/pieces)"],
    ["a media path that is no content hash", "![chart](/media/../admin)"],
    ["a media image without alt text", `![](/media/${"a".repeat(64)})`],
    ["a media image with blank alt text", `<img src="/media/${"a".repeat(64)}" alt="  ">`],
  ])("drops an image from %s", (_what, payload) => {
    expect(renderMarkdown(payload)).not.toContain("<img");
  });

  it("keeps an image of the app's own media with its alt text, and footnote ids only in their own namespace", () => {
    const src = `/media/${"b".repeat(64)}`;
    expect(renderMarkdown(`![A chart of prices](${src})`)).toContain(`<img src="${src}" alt="A chart of prices" />`);
    const clobber = renderMarkdown('<a id="header" href="#x">x</a><li id="fn-1">y</li>');
    expect(clobber).not.toContain('id="header"');
    expect(clobber).toContain('id="fn-1"');
  });

  it("keeps the formatting staff use", () => {
    const html = renderMarkdown("**b** *i* [l](https://example.com)\n\n- a\n- b\n\n> q\n\n## H");
    expect(html).toContain("<strong>b</strong>");
    expect(html).toContain("<em>i</em>");
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer nofollow">l</a>');
    expect(html).toContain("<li>a</li>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<h2>H</h2>");
  });
});
