/**
 * A piece's subject and preheader, from the editor's form to the mail in the outbox, for both
 * variants (PGlite, and PostgreSQL when DATABASE_URL is set).
 */
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { seedReader } from "@/test-support/newsletter-fixtures";
import { ensureCategories } from "@/test-support/categories";
import { validPieceForm } from "@/test-support/piece-form";
import { deliveries, outbox, users } from "@/db/schema";
import type { Viewer } from "@/lib/access/rule";
import { createPageStore } from "@/lib/cache/page-store.mjs";
import { renderMarkdown } from "@/lib/pieces/markdown";
import { savePiece } from "@/lib/publishing/editor";
import { PieceForm } from "@/lib/publishing/input";
import { sendIdOfPiece } from "@/lib/publishing/queries";
import { firstSentence, mailPreheader, mailSubject } from "./mail-heading";
import { RateGate } from "./rate-gate";
import { runSendLane } from "./sender";

const TEASER = "Insurers **repriced** the Baltic in a week. Ministers noticed later! The rest is [detail](https://example.com).";
const ANALYSIS = "The gated analysis of the Baltic repricing.";

/** The hidden preheader React Email's <Preview> writes first in the body. */
const preheaderOf = (html: string): string | undefined => /<div[^>]*display:none[^>]*>([^<]*)/.exec(html)?.[1]?.replace(/[\u00a0\u200c\u200b\u2007\u034f\u00ad\ufeff\s]+$/u, "").trim();

describe("the default subject and preheader", () => {
  it("is the headline, and the teaser's first sentence as plain text", () => {
    expect(firstSentence(renderMarkdown(TEASER))).toBe("Insurers repriced the Baltic in a week.");
    expect(firstSentence(renderMarkdown("“Is it over?” he asked. No."))).toBe("“Is it over?” he asked.");
    expect(firstSentence(renderMarkdown("No full stop at all"))).toBe("No full stop at all");
    expect(firstSentence(renderMarkdown("Rates &amp; risks < 3%. Then more."))).toBe("Rates & risks < 3%.");
    expect(firstSentence(renderMarkdown(`${"word ".repeat(60)}end.`))).toHaveLength(140);
    expect(mailSubject({ headline: "H", emailSubject: null })).toBe("H");
    expect(mailSubject({ headline: "H", emailSubject: "S" })).toBe("S");
    expect(mailPreheader({ emailPreheader: null }, "<p>One. Two.</p>")).toBe("One.");
    expect(mailPreheader({ emailPreheader: "Mine" }, "<p>One. Two.</p>")).toBe("Mine");
  });

  it("the one piece schema refuses a line break, a control character or too many characters, and keeps empty as null", () => {
    for (const field of ["emailSubject", "emailPreheader"] as const) {
      for (const [value, message] of [
        ["Two\r\nlines", /one line/],
        ["Bcc: x@example.com\nSubject", /one line/],
        ["a\u0000b", /control character/],
        ["x".repeat(151), /too long/],
      ] as const) {
        const r = PieceForm.safeParse(validPieceForm({ [field]: value }));
        expect(r.success, `${field} ${JSON.stringify(value)}`).toBe(false);
        expect(r.error?.issues[0]?.path[0]).toBe(field);
        expect(r.error?.issues[0]?.message).toMatch(message);
      }
      const empty = PieceForm.parse(validPieceForm({ [field]: "   " }));
      expect(empty[field]).toBeNull();
    }
  });
});

describe.each(databaseKinds())("the newsletter's subject and preheader on %s", (kind) => {
  const t = useTestDatabase(kind, { boss: true });
  const actor = { kind: "member", userId: "", email: `heading-editor-${kind}@example.com`, role: "editor", subscriptions: [], grants: [] } satisfies Viewer;
  beforeAll(async () => {
    await createPageStore(undefined, {});
    await ensureCategories(t.db, ["Markets"]);
    const [u] = await t.db.insert(users).values({ email: actor.email, role: "editor" }).returning({ id: users.id });
    actor.userId = u!.id;
  });

  /** Publishes the form (mailed to everyone), runs the send, and returns each reader's mail. */
  async function publishAndSend(headline: string, over: { emailSubject?: string; emailPreheader?: string }) {
    const free = await seedReader(t.db, "free");
    const paying = await seedReader(t.db, "active");
    const saved = await savePiece(actor, null, validPieceForm({ headline, teaser: TEASER, analysis: ANALYSIS, mailAudience: "everyone", ...over }), "publish");
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const sendId = await sendIdOfPiece(saved.id);
    if (!sendId) throw new Error("no send");
    await runSendLane(sendId, { leaseSeconds: 5, gate: new RateGate() });
    const recipients = (await t.db.select({ email: deliveries.email }).from(deliveries).where(eq(deliveries.sendId, sendId))).map((r) => r.email);
    const mail = await t.db.select().from(outbox).where(inArray(outbox.to, recipients));
    const teaser = mail.find((m) => m.to === free.email);
    const full = mail.find((m) => m.to === paying.email);
    if (!teaser || !full) throw new Error("a reader got no mail");
    expect(teaser.html).not.toContain(ANALYSIS);
    expect(full.html).toContain(ANALYSIS);
    return { teaser, full };
  }

  it("left empty: the headline is the subject and the teaser's first sentence the preheader, in both variants", async () => {
    const headline = `Baltic premiums double (${kind})`;
    const { teaser, full } = await publishAndSend(headline, {});
    for (const m of [teaser, full]) {
      expect(m.subject).toBe(headline);
      expect(preheaderOf(m.html)).toBe("Insurers repriced the Baltic in a week.");
      // The plain-text part leaves the hidden preheader out.
      expect(m.text).not.toMatch(/^Insurers repriced the Baltic in a week\.\s*$/m);
    }
  });

  it("given: the editor's subject and preheader, in both variants, and never the defaults", async () => {
    const headline = `Baltic premiums double again (${kind})`;
    const { teaser, full } = await publishAndSend(headline, { emailSubject: "  The Baltic, repriced  ", emailPreheader: "Why a week of claims moved every premium" });
    for (const m of [teaser, full]) {
      expect(m.subject).toBe("The Baltic, repriced");
      expect(preheaderOf(m.html)).toBe("Why a week of claims moved every premium");
    }
  });
});
