import { count } from "drizzle-orm";
import type { Db } from "./client";
import { categories, pieces } from "./schema";
import { DEMO_CATEGORIES } from "./demo-categories";
import { DEMO_PIECES } from "./demo-pieces";
import { seedDemoAssessments } from "./demo-risk";
import { seedDemoStaff } from "./demo-staff";

/** Loads the demo pieces (idempotent by slug). Returns how many were inserted. */
export async function seedDemoPieces(d: Db): Promise<number> {
  await d.insert(categories).values([...DEMO_CATEGORIES]).onConflictDoNothing();
  const inserted = await d
    .insert(pieces)
    .values(DEMO_PIECES.map((p) => ({ ...p, status: "published" as const, updatedAt: p.publishAt ?? new Date() })))
    .onConflictDoNothing({ target: pieces.slug })
    .returning({ id: pieces.id });
  await seedDemoAssessments(d);
  return inserted.length;
}

/** The demo pieces and their writers (staff accounts with profiles, who sign them). */
export async function seedDemo(d: Db): Promise<number> {
  const n = await seedDemoPieces(d);
  await seedDemoStaff(d);
  return n;
}

/** The embedded default seeds itself when the database holds no pieces at all. */
export async function seedIfEmpty(d: Db): Promise<number> {
  const [row] = await d.select({ n: count() }).from(pieces);
  return (row?.n ?? 0) === 0 ? seedDemo(d) : 0;
}
