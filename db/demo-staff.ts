import { inArray } from "drizzle-orm";
import type { Db } from "./client";
import { emailPreferences, pieces, staffProfiles, users } from "./schema";
import { DEMO_PIECES } from "./demo-pieces";

/** The demo's writers: editors with a profile (their byline and author page); they want no newsletter mail. */
export const DEMO_STAFF = [
  { email: "mara.ellison@esm-insight.example", slug: "mara-ellison", displayName: "Mara Ellison", bio: "Covers shipping, ports and the chokepoints of Europe's northern flank." },
  { email: "tomas.ferreira@esm-insight.example", slug: "tomas-ferreira", displayName: "Tomás Ferreira", bio: "Writes on energy markets, sanctions and the insurers who price them." },
  { email: "priya.natarajan@esm-insight.example", slug: "priya-natarajan", displayName: "Priya Natarajan", bio: "Follows technology supply chains and the regulation that reshapes them." },
] as const;

/** Creates the demo writers and makes them the authors of the demo pieces that carry their name. Idempotent. */
export async function seedDemoStaff(d: Db): Promise<void> {
  await d
    .insert(users)
    .values(DEMO_STAFF.map((s) => ({ email: s.email, name: s.displayName, role: "editor" as const })))
    .onConflictDoNothing({ target: users.email });
  const rows = await d.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, DEMO_STAFF.map((s) => s.email)));
  const idOf = new Map(rows.map((r) => [r.email, r.id]));
  for (const s of DEMO_STAFF) {
    const userId = idOf.get(s.email);
    if (!userId) continue;
    await d.insert(staffProfiles).values({ userId, slug: s.slug, displayName: s.displayName, bio: s.bio }).onConflictDoNothing();
    await d.insert(emailPreferences).values({ userId, newPieces: false }).onConflictDoNothing();
    const slugs = DEMO_PIECES.filter((p) => p.authorName === s.displayName).map((p) => p.slug);
    if (slugs.length > 0) await d.update(pieces).set({ authorId: userId }).where(inArray(pieces.slug, slugs));
  }
}
