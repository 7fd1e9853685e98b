import "server-only";
import { eq } from "drizzle-orm";
import { type Db } from "@/db/client";
import { db } from "@/lib/db";
import { users } from "@/db/schema";
import { isStaffRole, type StaffRole, type Viewer } from "@/lib/access/rule";
import type { Actor } from "@/lib/staff/audit";

/**
 * The second lock on every staff mutation and export. Pages, actions and route handlers call
 * `requireStaff` / `requireAdmin` (lib/auth/guards) first; the lib entry points they call then take
 * the viewer and re-read its role from the database here, so a reader, a paying subscriber, an
 * anonymous caller or someone demoted a second ago is refused even if a route forgot its guard.
 */
export class AdminAccessDenied extends Error {
  override name = "AdminAccessDenied";
  constructor(readonly need: "staff" | "admin") {
    super(need === "admin" ? "Only an admin may do this." : "Only staff may do this.");
  }
}

export interface StaffActor extends Actor {
  role: StaffRole;
}

type Reader = Pick<Db, "select">;

async function currentRole(viewer: Viewer, d?: Reader): Promise<{ actor: Actor; role: string } | null> {
  if (viewer.kind !== "member") return null;
  const exec = d ?? (await db());
  const [row] = await exec.select({ id: users.id, email: users.email, role: users.role }).from(users).where(eq(users.id, viewer.userId));
  return row ? { actor: { userId: row.id, email: row.email }, role: row.role } : null;
}

export async function authorizeStaff(viewer: Viewer, d?: Reader): Promise<StaffActor> {
  const found = await currentRole(viewer, d);
  if (!found || !isStaffRole(found.role)) throw new AdminAccessDenied("staff");
  return { ...found.actor, role: found.role };
}

export async function authorizeAdmin(viewer: Viewer, d?: Reader): Promise<StaffActor & { role: "admin" }> {
  const found = await currentRole(viewer, d);
  if (!found || found.role !== "admin") throw new AdminAccessDenied("admin");
  return { ...found.actor, role: "admin" };
}
