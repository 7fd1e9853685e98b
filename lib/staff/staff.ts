import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db";
import { users } from "@/db/schema";
import { STAFF_ROLES, type StaffRole, type Viewer } from "@/lib/access/rule";
import { audit } from "@/lib/staff/audit";
import { EmailAddress } from "@/lib/auth/email";
import { authorizeAdmin } from "./authz";

export interface StaffMember {
  id: string;
  email: string;
  name: string | null;
  role: StaffRole;
  /** Listed in ADMIN_EMAILS: made admin again at every sign-in, so not demotable here. */
  fixed: boolean;
  createdAt: Date;
}

/** Everyone with a staff role. Callers are admin pages that ran requireAdmin. */
export async function listStaff(adminEmails: readonly string[]): Promise<StaffMember[]> {
  const rows = await (
    await db()
  )
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt })
    .from(users)
    .where(inArray(users.role, [...STAFF_ROLES]))
    .orderBy(desc(users.role), asc(users.email)); // admins first (enum order reader < editor < admin)
  return rows.map((r) => ({ ...r, role: r.role === "admin" ? "admin" : "editor", fixed: adminEmails.includes(r.email.toLowerCase()) }));
}

export type StaffResult = { ok: true; message: string } | { ok: false; error: string };

const PromoteInput = z.object({ email: EmailAddress });

/** Makes a reader an editor. Admins only. The person must have an account (signed in once, or imported). */
export async function promoteToEditor(viewer: Viewer, input: unknown): Promise<StaffResult> {
  const actor = await authorizeAdmin(viewer);
  const parsed = PromoteInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Enter a valid email address." };
  const { email } = parsed.data;
  const d = await db();
  return d.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email));
    if (!user)
      return { ok: false, error: `No account uses ${email}. They need to sign in once (or be imported) first.` } satisfies StaffResult;
    if (user.role !== "reader") return { ok: false, error: `${email} is already staff (${user.role}).` } satisfies StaffResult;
    await tx
      .update(users)
      .set({ role: "editor" })
      .where(and(eq(users.id, user.id), eq(users.role, "reader")));
    await audit(actor, "staff.promote", user.id, { email, from: "reader", to: "editor" }, tx);
    return { ok: true, message: `${email} is now an editor.` } satisfies StaffResult;
  });
}

const DemoteInput = z.object({ userId: z.uuid() });

/**
 * Makes a staff member a reader again. Admins only; never oneself, and never an address in
 * ADMIN_EMAILS (it would be made admin again at the next sign-in).
 */
export async function demoteToReader(viewer: Viewer, input: unknown, adminEmails: readonly string[]): Promise<StaffResult> {
  const actor = await authorizeAdmin(viewer);
  const parsed = DemoteInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Unknown staff member." };
  const { userId } = parsed.data;
  if (userId === actor.userId) return { ok: false, error: "You cannot demote yourself. Ask another admin." };
  const d = await db();
  return d.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, email: users.email, role: users.role }).from(users).where(eq(users.id, userId));
    if (!user || user.role === "reader") return { ok: false, error: "That person is not staff." } satisfies StaffResult;
    if (adminEmails.includes(user.email.toLowerCase())) {
      return {
        ok: false,
        error: `${user.email} is listed in ADMIN_EMAILS and is made admin at every sign-in. Remove it there first.`,
      } satisfies StaffResult;
    }
    await tx
      .update(users)
      .set({ role: "reader" })
      .where(and(eq(users.id, user.id), eq(users.role, user.role)));
    await audit(actor, "staff.demote", user.id, { email: user.email, from: user.role, to: "reader" }, tx);
    return { ok: true, message: `${user.email} is now a reader.` } satisfies StaffResult;
  });
}

/** Email and role of one account (for the staff page's "x is now a reader" notice). */
export async function accountRole(id: unknown): Promise<{ email: string; role: "reader" | "editor" | "admin" } | null> {
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) return null;
  const [row] = await (await db()).select({ email: users.email, role: users.role }).from(users).where(eq(users.id, parsed.data));
  return row ?? null;
}
