/** A piece's preview for staff: the page's body per reader kind and the mail, drafts too (PGlite, and PostgreSQL when DATABASE_URL is set). */
import { describe, expect, it } from "vitest";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { UNSUBSCRIBE_PLACEHOLDER } from "@/emails/unsubscribe-placeholder";
import { ANALYSIS_SENTENCE, seedPiece, seedReader, TEASER_SENTENCE } from "@/test-support/newsletter-fixtures";
import { currentPolicy } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/rule";
import { previewPieceMail } from "@/lib/newsletter/mail-preview";
import { AdminAccessDenied } from "@/lib/staff/authz";
import { previewPieceAs } from "./preview";

const viewerOf = (u: { id: string; email: string }, role: "reader" | "editor"): Viewer => ({ kind: "member", userId: u.id, email: u.email, role, subscriptions: [], grants: [] });

describe.each(databaseKinds())("a piece's preview on %s", (kind) => {
  const t = useTestDatabase(kind);

  it("shows a draft as each reader kind gets it: the paywall for anonymous and free, the analysis for a subscriber", async () => {
    const staff = viewerOf(await seedReader(t.db, "editor"), "editor");
    const paid = await seedPiece(t.db, { status: "draft", publishAt: null, visibility: "paid" });
    const anonymous = await previewPieceAs(staff, paid, "anonymous", currentPolicy());
    expect(anonymous).toMatchObject({ body: { kind: "paywall", reason: "subscribe" }, category: "anonymous" });
    expect(JSON.stringify(anonymous)).not.toContain(ANALYSIS_SENTENCE);
    const free = await previewPieceAs(staff, paid, "free", currentPolicy());
    expect(free).toMatchObject({ body: { kind: "paywall", reason: "subscribe" }, category: "free" });
    const subscriber = await previewPieceAs(staff, paid, "subscriber", currentPolicy());
    expect(subscriber?.category).toBe("subscriber");
    expect(subscriber?.body.kind === "full" && subscriber.body.analysisHtml).toContain(ANALYSIS_SENTENCE);

    // A members piece: sign in for the anonymous reader, the analysis for a free member.
    const members = await seedPiece(t.db, { status: "draft", publishAt: null, visibility: "members" });
    expect((await previewPieceAs(staff, members, "anonymous", currentPolicy()))?.body).toEqual({ kind: "paywall", reason: "sign-in" });
    expect((await previewPieceAs(staff, members, "free", currentPolicy()))?.body.kind).toBe("full");
    expect(await previewPieceAs(staff, "00000000-0000-0000-0000-000000000000", "subscriber", currentPolicy())).toBeNull();
  });

  it("renders both mails of a draft with the subject and preheader the send will use", async () => {
    const editor = await seedReader(t.db, "editor");
    const staff = viewerOf(editor, "editor");
    const draft = await seedPiece(t.db, { status: "draft", publishAt: null, emailSubject: "Our own subject" });
    const mail = await previewPieceMail(staff, draft);
    expect(mail?.subject).toBe("Our own subject");
    expect(mail?.preheader).toBe(TEASER_SENTENCE);
    expect(mail?.full.to).toBe(editor.email);
    expect(mail?.full.html).toContain(ANALYSIS_SENTENCE);
    expect(mail?.teaser.html).not.toContain(ANALYSIS_SENTENCE);
    for (const m of [mail?.full, mail?.teaser]) {
      expect(m?.subject).toBe("Our own subject");
      expect(m?.html).toContain(TEASER_SENTENCE);
      expect(m?.html).not.toContain(UNSUBSCRIBE_PLACEHOLDER);
    }
  });

  it("refuses anyone but staff, whatever their subscription", async () => {
    const draft = await seedPiece(t.db, { status: "draft", publishAt: null });
    for (const who of [await seedReader(t.db, "free"), await seedReader(t.db, "active")]) {
      const reader = viewerOf(who, "reader");
      await expect(previewPieceAs(reader, draft, "subscriber", currentPolicy())).rejects.toBeInstanceOf(AdminAccessDenied);
      await expect(previewPieceMail(reader, draft)).rejects.toBeInstanceOf(AdminAccessDenied);
    }
    // A viewer claiming a staff role the database does not give them is refused too.
    const pretender = viewerOf(await seedReader(t.db, "free"), "editor");
    await expect(previewPieceAs(pretender, draft, "subscriber", currentPolicy())).rejects.toBeInstanceOf(AdminAccessDenied);
    await expect(previewPieceAs({ kind: "anonymous" }, draft, "anonymous", currentPolicy())).rejects.toBeInstanceOf(AdminAccessDenied);
  });
});
