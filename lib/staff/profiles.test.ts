/**
 * Staff profiles and bylines (PGlite, and PostgreSQL when DATABASE_URL is set): who may edit
 * which profile, what a profile accepts, and the byline and author page it gives pieces.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { auditLog, staffProfiles, users } from "@/db/schema";
import type { Role, Viewer } from "@/lib/access/rule";
import { createPageStore } from "@/lib/cache/page-store.mjs";
import { findAuthor } from "@/lib/pieces/authors";
import { findPublishedBySlug, listPublished } from "@/lib/pieces/queries";
import { savePiece } from "@/lib/publishing/editor";
import { ensureCategories } from "@/test-support/categories";
import { validPieceForm } from "@/test-support/piece-form";
import { AdminAccessDenied } from "./authz";
import { listBylineChoices, saveStaffProfile } from "./profiles";

const viewerOf = (userId: string, email: string, role: Role) => ({ kind: "member", userId, email, role, subscriptions: [], grants: [] }) satisfies Viewer;
const profile = (over: Record<string, string> = {}) => ({ displayName: "Ada Quill", bio: "Writes on ports.", photoUrl: "", ...over });

describe.each(databaseKinds())("staff profiles on %s", (kind) => {
  const t = useTestDatabase(kind);
  const people: Record<"reader" | "editor" | "other" | "admin", ReturnType<typeof viewerOf>> = {} as never;
  beforeAll(async () => {
    await createPageStore(undefined, {});
    await ensureCategories(t.db, ["Markets"]);
    const rows: [keyof typeof people, Role][] = [["reader", "reader"], ["editor", "editor"], ["other", "editor"], ["admin", "admin"]];
    for (const [key, role] of rows) {
      const email = `${key}-${kind}@example.com`;
      const [u] = await t.db.insert(users).values({ email, role }).returning({ id: users.id });
      people[key] = viewerOf(u!.id, email, role);
    }
  });

  it("refuses a reader, even editing their own", async () => {
    await expect(saveStaffProfile(people.reader, people.reader.userId, profile())).rejects.toBeInstanceOf(AdminAccessDenied);
    await expect(saveStaffProfile(people.reader, people.editor.userId, profile())).rejects.toBeInstanceOf(AdminAccessDenied);
    expect(await t.db.select().from(staffProfiles).where(eq(staffProfiles.userId, people.reader.userId))).toHaveLength(0);
  });

  it("lets an editor edit their own profile only", async () => {
    const own = await saveStaffProfile(people.editor, people.editor.userId, profile({ displayName: "Ada Quill" }));
    expect(own).toEqual({ ok: true, slug: "ada-quill" });
    await expect(saveStaffProfile(people.editor, people.other.userId, profile({ displayName: "Hijacked" }))).rejects.toBeInstanceOf(AdminAccessDenied);
    expect(await t.db.select().from(staffProfiles).where(eq(staffProfiles.userId, people.other.userId))).toHaveLength(0);
    const [line] = await t.db.select().from(auditLog).where(eq(auditLog.target, people.editor.userId));
    expect(line).toMatchObject({ action: "profile.update", actorId: people.editor.userId });
  });

  it("lets an admin edit anyone's, keeps the slug when the name changes, and makes a clashing slug unique", async () => {
    expect(await saveStaffProfile(people.admin, people.other.userId, profile({ displayName: "Ada Quill" }))).toEqual({ ok: true, slug: "ada-quill-2" });
    expect(await saveStaffProfile(people.admin, people.editor.userId, profile({ displayName: "Ada Q. Quill", bio: "Now on energy." }))).toEqual({ ok: true, slug: "ada-quill" });
    expect(await findAuthor("ada-quill")).toMatchObject({ displayName: "Ada Q. Quill", bio: "Now on energy." });
    // A reader has no profile to edit, even for an admin.
    expect(await saveStaffProfile(people.admin, people.reader.userId, profile())).toEqual({ ok: false, errors: { form: "Only staff have a profile." } });
  });

  it("accepts a photo only as an https address, and refuses bad input changing nothing", async () => {
    for (const photoUrl of ["http://example.com/a.jpg", "javascript:alert(1)", "data:image/png;base64,AAAA", "not a url"]) {
      const r = await saveStaffProfile(people.editor, people.editor.userId, profile({ photoUrl }));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.photoUrl).toMatch(/https/);
    }
    const blank = await saveStaffProfile(people.editor, people.editor.userId, profile({ displayName: "  " }));
    expect(!blank.ok && blank.errors.displayName).toMatch(/required/);
    expect(await findAuthor("ada-quill")).toMatchObject({ displayName: "Ada Q. Quill", photoUrl: null });
    expect((await saveStaffProfile(people.editor, people.editor.userId, profile({ displayName: "Ada Q. Quill", photoUrl: "https://images.example/ada.jpg" }))).ok).toBe(true);
    expect(await findAuthor("ada-quill")).toMatchObject({ photoUrl: "https://images.example/ada.jpg" });
  });

  it("signs a new piece with its creator, lets the editor choose another member of staff but not a reader, and lists it on the author page", async () => {
    const mine = await savePiece(people.editor, null, validPieceForm({ headline: `Bylined by me ${kind}`, mailAudience: "none" }), "publish");
    if (!mine.ok) throw new Error(JSON.stringify(mine.errors));
    const shown = await findPublishedBySlug(`bylined-by-me-${kind}`);
    expect(shown).toMatchObject({ authorName: "Ada Q. Quill", authorSlug: "ada-quill" });

    const reader = await savePiece(people.editor, null, validPieceForm({ headline: `Signed by a reader ${kind}`, authorId: people.reader.userId, mailAudience: "none" }), "publish");
    expect(!reader.ok && reader.errors.authorId).toMatch(/staff/);

    const theirs = await savePiece(people.editor, null, validPieceForm({ headline: `Signed by the other ${kind}`, authorId: people.other.userId, mailAudience: "none" }), "publish");
    if (!theirs.ok) throw new Error(JSON.stringify(theirs.errors));
    expect(await findPublishedBySlug(`signed-by-the-other-${kind}`)).toMatchObject({ authorSlug: "ada-quill-2" });

    const page = await listPublished({ page: 1, pageSize: 50, authorId: people.editor.userId });
    expect(page.items.map((p) => p.slug)).toEqual([`bylined-by-me-${kind}`]);
    expect((await listBylineChoices()).map((c) => c.userId).sort()).toEqual([people.editor.userId, people.other.userId, people.admin.userId].sort());
  });
});
