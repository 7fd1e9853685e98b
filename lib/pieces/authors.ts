import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { staffProfiles } from "@/db/schema";
import { isSlug } from "@/lib/publishing/slug";

/** An author as readers see them: the public part of a staff profile, nothing else of the account. */
export interface Author {
  userId: string;
  slug: string;
  displayName: string;
  bio: string;
  photoUrl: string | null;
}

export async function findAuthor(slug: string): Promise<Author | null> {
  if (!isSlug(slug)) return null;
  const d = await db();
  const [row] = await d
    .select({ userId: staffProfiles.userId, slug: staffProfiles.slug, displayName: staffProfiles.displayName, bio: staffProfiles.bio, photoUrl: staffProfiles.photoUrl })
    .from(staffProfiles)
    .where(eq(staffProfiles.slug, slug));
  return row ?? null;
}
