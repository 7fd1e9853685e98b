import { beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { auditLog, pieceRevisions, pieces, users } from "@/db/schema";
import type { Viewer } from "@/lib/access/rule";
import { createPageStore } from "@/lib/cache/page-store.mjs";
import { ensureCategories } from "@/test-support/categories";
import { validPieceForm } from "@/test-support/piece-form";
import { savePiece } from "@/lib/publishing/editor";
import { autosaveDraft } from "./autosave";
import { listRevisions, readRevision } from "./history";
import { restoreRevision } from "./restore";
import { REVISIONS_KEPT } from "./record";

const editor = { kind: "member", userId: "", email: "rev-editor@example.com", role: "editor", subscriptions: [], grants: [] } satisfies Viewer;
const other = { kind: "member", userId: "", email: "rev-other@example.com", role: "editor", subscriptions: [], grants: [] } satisfies Viewer;
const reader = { kind: "member", userId: "", email: "rev-reader@example.com", role: "reader", subscriptions: [], grants: [] } satisfies Viewer;
const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

describe.each(databaseKinds())("revisions on %s", (kind) => {
  const t = useTestDatabase(kind);
  const piece = async (id: string) => (await t.db.select().from(pieces).where(eq(pieces.id, id)))[0]!;
  const revisionCount = async (id: string) => (await t.db.select({ n: count() }).from(pieceRevisions).where(eq(pieceRevisions.pieceId, id)))[0]?.n ?? 0;
  const draft = async (headline: string, now: Date) => {
    const r = await savePiece(editor, null, validPieceForm({ headline }), "draft", now);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r;
  };

  beforeAll(async () => {
    await ensureCategories(t.db, ["Markets"]);
    await createPageStore(undefined, {});
    for (const [v, role] of [[editor, "editor"], [other, "editor"], [reader, "reader"]] as const) {
      const [u] = await t.db.insert(users).values({ email: v.email, role }).returning({ id: users.id });
      v.userId = u!.id;
    }
  });

  it("records a revision on every explicit save and publish", async () => {
    const now = new Date("2026-11-01T10:00:00Z");
    const d = await draft("Saved twice", now);
    const p = await savePiece(editor, d.id, validPieceForm({ headline: "Saved twice", slug: "saved-twice" }), "publish", minutes(now, 1));
    expect(p.ok).toBe(true);
    const list = await listRevisions(editor, d.id);
    expect(list.map((r) => r.kind)).toEqual(["publish", "save"]);
    expect(list[0]?.authorName).toBe("rev-editor");
  });

  it("autosaves a draft onto the piece, coalescing one author's autosaves in two minutes", async () => {
    const now = new Date("2026-11-02T10:00:00Z");
    const d = await draft("Autosaved", now);
    const first = await autosaveDraft(editor, d.id, d.version, validPieceForm({ headline: "Autosaved", slug: "autosaved", teaser: "First edit." }), minutes(now, 1));
    expect(first).toMatchObject({ ok: true, kept: "draft", message: "Saved 10:01" });
    expect((await piece(d.id)).teaser).toBe("First edit.");
    if (!first.ok) return;
    const second = await autosaveDraft(editor, d.id, first.version, validPieceForm({ headline: "Autosaved", slug: "autosaved", teaser: "Second edit." }), minutes(now, 2));
    expect(second.ok).toBe(true);
    expect(await revisionCount(d.id)).toBe(2); // the save, one autosave
    const [latest] = await listRevisions(editor, d.id);
    expect(latest?.kind).toBe("autosave");
    expect((await readRevision(editor, d.id, latest!.id))?.fields.teaser).toBe("Second edit.");
    if (!second.ok) return;
    const later = await autosaveDraft(editor, d.id, second.version, validPieceForm({ headline: "Autosaved", slug: "autosaved", teaser: "Much later." }), minutes(now, 10));
    expect(later.ok).toBe(true);
    expect(await revisionCount(d.id)).toBe(3);
    const audits = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.target, d.id));
    expect(audits.filter((a) => a.action === "piece.autosave")).toHaveLength(2);
  });

  it("refuses a stale version and changes nothing", async () => {
    const now = new Date("2026-11-03T10:00:00Z");
    const d = await draft("Two tabs", now);
    const mine = await savePiece(other, d.id, validPieceForm({ headline: "Two tabs", slug: "two-tabs", teaser: "Theirs." }), "draft", minutes(now, 3), { expectedVersion: d.version });
    expect(mine.ok).toBe(true);
    const before = await revisionCount(d.id);
    const stale = await autosaveDraft(editor, d.id, d.version, validPieceForm({ headline: "Two tabs", slug: "two-tabs", teaser: "Mine." }), minutes(now, 4));
    expect(stale).toEqual({ ok: false, error: "Someone else saved this piece at 10:03; reload to see their version.", conflict: true });
    const staleSave = await savePiece(editor, d.id, validPieceForm({ headline: "Two tabs", slug: "two-tabs", teaser: "Mine." }), "draft", minutes(now, 4), { expectedVersion: d.version });
    expect(!staleSave.ok && staleSave.errors.form).toMatch(/^Someone else saved this piece at 10:03/);
    expect((await piece(d.id)).teaser).toBe("Theirs.");
    expect(await revisionCount(d.id)).toBe(before);
  });

  it("keeps a published piece's autosave as a revision only", async () => {
    const now = new Date("2026-11-04T10:00:00Z");
    const p = await savePiece(editor, null, validPieceForm({ headline: "Live one" }), "publish", now);
    if (!p.ok) throw new Error(JSON.stringify(p.errors));
    const r = await autosaveDraft(editor, p.id, p.version, validPieceForm({ headline: "Live one", slug: "live-one", teaser: "Not yet live." }), minutes(now, 1));
    expect(r).toMatchObject({ ok: true, kept: "revision", message: "Unsaved changes kept as a revision", version: p.version });
    expect((await piece(p.id)).teaser).toBe("A teaser.");
    expect((await listRevisions(editor, p.id)).map((x) => x.kind)).toEqual(["autosave", "publish"]);
  });

  it("restores a revision through the save path and records it", async () => {
    const now = new Date("2026-11-05T10:00:00Z");
    const d = await draft("Restorable", now);
    const changed = await savePiece(editor, d.id, validPieceForm({ headline: "Restorable", slug: "restorable", teaser: "Changed." }), "draft", minutes(now, 1));
    expect(changed.ok).toBe(true);
    const original = (await listRevisions(editor, d.id)).at(-1)!;
    const r = await restoreRevision(editor, d.id, original.id, minutes(now, 2));
    expect(r.ok && r.status).toBe("draft");
    expect((await piece(d.id)).teaser).toBe("A teaser.");
    expect((await listRevisions(editor, d.id))[0]?.kind).toBe("restore");
    const audits = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.target, d.id));
    expect(audits.map((a) => a.action)).toContain("piece.restore");
  });

  it("restores a published piece as a new publish of the same piece: still live, its publish time kept", async () => {
    const now = new Date("2026-11-05T12:00:00Z");
    const p = await savePiece(editor, null, validPieceForm({ headline: "Live restorable" }), "publish", now);
    if (!p.ok) throw new Error(JSON.stringify(p.errors));
    const edited = await savePiece(editor, p.id, validPieceForm({ headline: "Live restorable", slug: "live-restorable", teaser: "Edited live." }), "publish", minutes(now, 5));
    expect(edited.ok).toBe(true);
    const first = (await listRevisions(editor, p.id)).at(-1)!;
    const r = await restoreRevision(editor, p.id, first.id, minutes(now, 6));
    expect(r.ok && r.status).toBe("published");
    const row = await piece(p.id);
    expect(row.teaser).toBe("A teaser.");
    expect(row.publishAt?.toISOString()).toBe(now.toISOString());
    expect((await listRevisions(editor, p.id)).map((x) => x.kind)).toEqual(["restore", "publish", "publish"]);
  });

  it("keeps only the newest revisions of a piece", async () => {
    const now = new Date("2026-11-06T10:00:00Z");
    const d = await draft("Capped", now);
    let version = d.version;
    for (let i = 1; i <= REVISIONS_KEPT + 3; i++) {
      const r = await savePiece(editor, d.id, validPieceForm({ headline: "Capped", slug: "capped", teaser: `Edit ${i}.` }), "draft", minutes(now, i), { expectedVersion: version });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      version = r.version;
    }
    expect(await revisionCount(d.id)).toBe(REVISIONS_KEPT);
    const oldest = (await listRevisions(editor, d.id)).at(-1)!;
    expect((await readRevision(editor, d.id, oldest.id))?.fields.teaser).toBe("Edit 4.");
  });

  it("refuses readers and bad input", async () => {
    const now = new Date("2026-11-07T10:00:00Z");
    const d = await draft("Guarded", now);
    await expect(autosaveDraft(reader, d.id, d.version, validPieceForm(), now)).rejects.toThrow(/Only staff/);
    await expect(listRevisions(reader, d.id)).rejects.toThrow(/Only staff/);
    const [rev] = await listRevisions(editor, d.id);
    await expect(restoreRevision(reader, d.id, rev!.id)).rejects.toThrow(/Only staff/);
    const before = await revisionCount(d.id);
    const bad = await autosaveDraft(editor, d.id, d.version, validPieceForm({ headline: "x".repeat(201) }), minutes(now, 1));
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/too long/) });
    expect(await autosaveDraft(editor, "not-a-uuid", d.version, validPieceForm(), now)).toMatchObject({ ok: false });
    expect(await autosaveDraft(editor, d.id, "yesterday", validPieceForm(), now)).toMatchObject({ ok: false });
    expect(await restoreRevision(editor, d.id, "not-a-uuid")).toMatchObject({ ok: false });
    expect((await piece(d.id)).headline).toBe("Guarded");
    expect(await revisionCount(d.id)).toBe(before);
  });
});
