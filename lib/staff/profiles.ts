import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import { db } from "@/lib/db";
import { pieces, staffProfiles, users } from "@/db/schema";
import { isStaffRole, type Viewer } from "@/lib/access/rule";
import { invalidatePages } from "@/lib/cache/invalidate";
import { FEED_TAG, HOME_TAG, authorTag, categoryTag, pieceTag } from "@/lib/cache/tags";
import { slugify } from "@/lib/publishing/slug";
import { audit } from "./audit";
import { AdminAccessDenied, authorizeStaff } from "./authz";
import { ProfileInput, type ProfileValues } from "./profile-input";

export interface StaffProfile {
  userId: string;
  email: string;
  slug: string | null;
  displayName: string;
  bio: string;
  photoUrl: string | null;
}

/** A staff member's profile, or what it would start as (their name, else their address's local part). */
export async function readStaffProfile(userId: string): Promise<StaffProfile | null> {
  const d = await db();
  const [row] = await d
    .select({ userId: users.id, email: users.email, name: users.name, role: users.role, slug: staffProfiles.slug, displayName: staffProfiles.displayName, bio: staffProfiles.bio, photoUrl: staffProfiles.photoUrl })
    .from(users)
    .leftJoin(staffProfiles, eq(staffProfiles.userId, users.id))
    .where(eq(users.id, userId));
  if (!row || !isStaffRole(row.role)) return null;
  return {
    userId: row.userId,
    email: row.email,
    slug: row.slug,
    displayName: row.displayName ?? row.name ?? row.email.split("@")[0] ?? row.email,
    bio: row.bio ?? "",
    photoUrl: row.photoUrl,
  };
}

/** Staff who may sign a piece, for the editor's author choice. */
export async function listBylineChoices(): Promise<{ userId: string; label: string }[]> {
  const d = await db();
  const rows = await d
    .select({ userId: users.id, email: users.email, displayName: staffProfiles.displayName })
    .from(users)
    .leftJoin(staffProfiles, eq(staffProfiles.userId, users.id))
    .where(inArray(users.role, ["editor", "admin"]))
    .orderBy(users.email);
  return rows.map((r) => ({ userId: r.userId, label: r.displayName ? `${r.displayName} (${r.email})` : r.email }));
}

/** True when `userId` is a staff member (the only people a piece may be signed by). */
export async function isStaffUser(userId: string): Promise<boolean> {
  const d = await db();
  const [row] = await d.select({ role: users.role }).from(users).where(eq(users.id, userId));
  return row !== undefined && isStaffRole(row.role);
}

async function freeSlug(displayName: string, userId: string): Promise<string> {
  const d = await db();
  const base = slugify(displayName) || "staff";
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const [taken] = await d.select({ userId: staffProfiles.userId }).from(staffProfiles).where(and(eq(staffProfiles.slug, candidate), ne(staffProfiles.userId, userId)));
    if (!taken) return candidate;
  }
}

/** The pages that show this person's name: their author page and every published piece they signed. */
async function bylineTags(userId: string, slug: string): Promise<string[]> {
  const d = await db();
  const signed = await d.select({ slug: pieces.slug, category: pieces.category }).from(pieces).where(and(eq(pieces.authorId, userId), eq(pieces.status, "published")));
  const tags = new Set([authorTag(slug)]);
  if (signed.length > 0) {
    tags.add(HOME_TAG);
    tags.add(FEED_TAG);
  }
  for (const p of signed) {
    tags.add(pieceTag(p.slug));
    tags.add(categoryTag(slugify(p.category)));
  }
  return [...tags];
}

export type SaveProfileResult = { ok: true; slug: string } | { ok: false; errors: Partial<Record<keyof ProfileValues | "form", string>> };

/**
 * Saves a staff profile: a member of staff edits their own, an admin anyone's (a reader has none).
 * The slug is made once, from the first display name, so author links stay put.
 */
export async function saveStaffProfile(viewer: Viewer, userId: string, raw: unknown): Promise<SaveProfileResult> {
  const actor = await authorizeStaff(viewer);
  if (actor.role !== "admin" && actor.userId !== userId) throw new AdminAccessDenied("admin");
  const parsed = ProfileInput.safeParse(raw);
  if (!parsed.success) {
    const errors: Partial<Record<keyof ProfileValues | "form", string>> = {};
    for (const issue of parsed.error.issues) errors[(issue.path[0] as keyof ProfileValues | undefined) ?? "form"] ??= issue.message;
    return { ok: false, errors };
  }
  const current = await readStaffProfile(userId);
  if (!current) return { ok: false, errors: { form: "Only staff have a profile." } };
  const slug = current.slug ?? (await freeSlug(parsed.data.displayName, userId));
  const d = await db();
  await d.transaction(async (tx) => {
    const values = { ...parsed.data, updatedAt: new Date() };
    await tx.insert(staffProfiles).values({ userId, slug, ...values }).onConflictDoUpdate({ target: staffProfiles.userId, set: values });
    await audit(actor, "profile.update", userId, { displayName: parsed.data.displayName }, tx);
  });
  await invalidatePages(await bylineTags(userId, slug));
  return { ok: true, slug };
}
