/**
 * The publish confirmation's audience (PGlite, and PostgreSQL when DATABASE_URL is set): the counts
 * it states are what the freeze then writes, "paid" freezes no teaser-tier delivery, "none" sends
 * nothing, and the editor refuses to publish until somebody chose.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { deliveries, pieces, sends, users } from "@/db/schema";
import type { Viewer } from "@/lib/access/rule";
import { currentPolicy } from "@/lib/access/policy";
import { createPageStore } from "@/lib/cache/page-store.mjs";
import { savePiece } from "@/lib/publishing/editor";
import { ensureCategories } from "@/test-support/categories";
import { validPieceForm } from "@/test-support/piece-form";
import { seedPiece, seedReader, type ReaderKind } from "@/test-support/newsletter-fixtures";
import { countAudience } from "./audience";
import { audienceForConfirmation } from "./confirm";
import { NewsletterRequestError, requestNewsletterSend } from "./request";

const KINDS: ReaderKind[] = ["active", "trialing", "past_due_in_grace", "complimentary", "editor", "free", "past_due_expired", "canceled", "expired_grant", "free"];
const editor = { kind: "member", userId: "", email: "desk-editor@example.com", role: "editor", subscriptions: [], grants: [] } satisfies Viewer;

describe.each(databaseKinds())("the send's audience choice on %s", (kind) => {
  const t = useTestDatabase(kind, { boss: true });
  beforeAll(async () => {
    await createPageStore(undefined, {});
    await ensureCategories(t.db, ["Markets"]);
    for (const k of KINDS) await seedReader(t.db, k);
    await seedReader(t.db, "active", { newPieces: false });
    await seedReader(t.db, "free", { suppressed: true });
    const [u] = await t.db.insert(users).values({ email: editor.email, role: "editor" }).returning({ id: users.id });
    editor.userId = u!.id;
  });

  const frozen = async (sendId: string) => {
    const [send] = await t.db.select().from(sends).where(eq(sends.id, sendId));
    const rows = await t.db.select({ variant: deliveries.variant }).from(deliveries).where(eq(deliveries.sendId, sendId));
    return { send: send!, full: rows.filter((r) => r.variant === "full").length, teaser: rows.filter((r) => r.variant === "teaser").length };
  };

  it("states for everyone exactly the counts the freeze then writes", async () => {
    const pieceId = await seedPiece(t.db, { mailAudience: "everyone" });
    const counts = await countAudience(t.db, { id: pieceId, visibility: "paid" }, currentPolicy(), "everyone");
    expect(counts.full).toBeGreaterThan(0);
    expect(counts.teaser).toBeGreaterThan(0);
    const { sendId } = await requestNewsletterSend(pieceId, null);
    const f = await frozen(sendId);
    expect({ full: f.full, teaser: f.teaser }).toEqual(counts);
    expect(f.send).toMatchObject({ audience: "everyone", fullCount: counts.full, teaserCount: counts.teaser });
  });

  it("freezes no teaser-tier delivery for paid only, and states that count", async () => {
    const pieceId = await seedPiece(t.db, { mailAudience: "paid" });
    const confirmation = await audienceForConfirmation(editor, "paid");
    expect(confirmation.paid.teaser).toBe(0);
    expect(confirmation.paid.full).toBe(confirmation.everyone.full);
    const { sendId, total } = await requestNewsletterSend(pieceId, null);
    const f = await frozen(sendId);
    expect(f.teaser).toBe(0);
    expect(f.full).toBe(confirmation.paid.full);
    expect(total).toBe(confirmation.paid.full);
    expect(f.send).toMatchObject({ audience: "paid", teaserCount: 0 });
  });

  it("refuses to freeze a piece set to send no email", async () => {
    const pieceId = await seedPiece(t.db, { mailAudience: "none" });
    await expect(requestNewsletterSend(pieceId, null)).rejects.toBeInstanceOf(NewsletterRequestError);
    expect(await t.db.select().from(sends).where(eq(sends.pieceId, pieceId))).toHaveLength(0);
  });

  it("refuses to count for a reader", async () => {
    const reader = await seedReader(t.db, "active");
    const viewer = { kind: "member", userId: reader.id, email: reader.email, role: "reader", subscriptions: [], grants: [] } satisfies Viewer;
    await expect(audienceForConfirmation(viewer, "paid")).rejects.toThrow(/staff/);
  });

  it("refuses a publish (or schedule) with mail whose audience nobody chose, and changes nothing", async () => {
    for (const intent of ["publish", "schedule"] as const) {
      const r = await savePiece(editor, null, validPieceForm({ headline: `Unchosen ${intent}`, mailAudience: "", publishAt: intent === "schedule" ? new Date(Date.now() + 3_600_000).toISOString() : "" }), intent);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.mailAudience).toMatch(/Choose who gets this piece by email/);
    }
    expect(await t.db.select().from(pieces).where(eq(pieces.headline, "Unchosen publish"))).toHaveLength(0);
    // A draft needs no choice yet.
    expect((await savePiece(editor, null, validPieceForm({ headline: "Unchosen draft", mailAudience: "" }), "draft")).ok).toBe(true);
  });

  it("publishes with paid only: the send holds only full-variant deliveries, and the audit line names the choice", async () => {
    const r = await savePiece(editor, null, validPieceForm({ headline: "Paid only from the editor", mailAudience: "paid" }), "publish");
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const [send] = await t.db.select().from(sends).where(eq(sends.pieceId, r.id));
    expect(send).toMatchObject({ audience: "paid", teaserCount: 0 });
    expect(send!.fullCount).toBeGreaterThan(0);
    const [piece] = await t.db.select({ mailAudience: pieces.mailAudience, authorId: pieces.authorId }).from(pieces).where(eq(pieces.id, r.id));
    expect(piece).toEqual({ mailAudience: "paid", authorId: editor.userId });
  });

  it("publishes with no email: no send at all", async () => {
    const r = await savePiece(editor, null, validPieceForm({ headline: "Quietly published", mailAudience: "none" }), "publish");
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(await t.db.select().from(sends).where(eq(sends.pieceId, r.id))).toHaveLength(0);
  });
});
