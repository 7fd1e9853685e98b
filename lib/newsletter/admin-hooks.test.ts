/** The lib functions behind the admin pages (PGlite, and PostgreSQL when DATABASE_URL is set). */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { outbox } from "@/db/schema";
import type { Viewer } from "@/lib/access/rule";
import { getSend, listRecentSends, sendProgress } from "./progress";
import { requestNewsletterSend } from "./request";
import { sendTestEmail, TestEmailError } from "./test-email";
import { ANALYSIS_SENTENCE, seedPiece, seedReader } from "@/test-support/newsletter-fixtures";

describe.each(databaseKinds())("newsletter admin hooks on %s", (kind) => {
  const t = useTestDatabase(kind, { boss: true });

  it("sendTestEmail mails the full variant to a staff address only", async () => {
    const pieceId = await seedPiece(t.db);
    const editor = await seedReader(t.db, "editor");
    const staff: Viewer = { kind: "member", userId: editor.id, email: editor.email, role: "editor", subscriptions: [], grants: [] };
    const { id } = await sendTestEmail(staff, pieceId, editor.email.toUpperCase());
    const [mail] = await t.db.select().from(outbox).where(eq(outbox.id, id));
    expect(mail?.to).toBe(editor.email);
    expect(mail?.subject).toMatch(/^\[Test\] /);
    expect(mail?.html).toContain(ANALYSIS_SENTENCE);
    expect(mail?.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");

    const paying = await seedReader(t.db, "active");
    await expect(sendTestEmail(staff, pieceId, paying.email)).rejects.toBeInstanceOf(TestEmailError);
    await expect(sendTestEmail(staff, pieceId, "nobody@example.com")).rejects.toBeInstanceOf(TestEmailError);
    await expect(sendTestEmail(staff, "no-such-piece", editor.email)).rejects.toThrow(/does not exist/);
    await expect(sendTestEmail(staff, pieceId, "not an address")).rejects.toBeInstanceOf(TestEmailError);
  });

  it("lists recent sends with their piece and progress", async () => {
    const pieceId = await seedPiece(t.db, { headline: `Listed piece ${kind}` });
    await seedReader(t.db, "free");
    const { sendId, total } = await requestNewsletterSend(pieceId, "admin@example.com");
    const [latest] = await listRecentSends(5);
    expect(latest).toMatchObject({ id: sendId, pieceId, headline: `Listed piece ${kind}`, total, sent: 0, failed: 0, pending: total, status: "pending" });
    expect(await getSend(sendId)).toEqual(latest);
    expect(await sendProgress(sendId)).toEqual({ total, sent: 0, failed: 0, pending: total, status: "pending" });
    expect(await sendProgress("no-such-send")).toBeNull();
  });
});
