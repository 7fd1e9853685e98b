import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db";
import { complimentaryGrants, deliveries, outbox, pieces, sends, subscriptions, users, type Subscription } from "@/db/schema";
import { grantCounts, type AccessPolicy, type Role, type Viewer } from "@/lib/access/rule";
import { audit } from "@/lib/staff/audit";
import { authorizeStaff } from "./authz";
import { isoDay } from "@/lib/format";
import { describeMember, type SubscriberRow } from "./subscribers";

export type GrantState = "active" | "expired" | "revoked";

export interface GrantView {
  id: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  note: string | null;
  grantedBy: string | null;
  createdAt: Date;
  state: GrantState;
}

export interface MailView {
  id: string;
  source: "newsletter" | "outbox";
  subject: string;
  variant: string | null;
  status: string;
  at: Date;
  error: string | null;
}

export interface SubscriberDetail {
  row: SubscriberRow;
  emailVerified: Date | null;
  stripeCustomerId: string | null;
  role: Role;
  subscriptions: Subscription[];
  grants: GrantView[];
  mails: MailView[];
}

/** Sign-in codes in outbox subjects stay hidden from staff: a code is as good as a password. */
export const maskCodes = (subject: string): string => subject.replace(/\b\d{6}\b/g, "••••••");

const MAIL_LIMIT = 100;

/** Everything the detail page shows. Callers are staff pages that ran requireStaff. */
export async function subscriberDetail(
  id: string,
  policy: AccessPolicy,
  opts: { includeOutbox: boolean },
): Promise<SubscriberDetail | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const d = await db();
  const [user] = await d.select().from(users).where(eq(users.id, id));
  if (!user) return null;
  const [subs, grants, delivered, outboxRows] = await Promise.all([
    d.select().from(subscriptions).where(eq(subscriptions.userId, id)).orderBy(desc(subscriptions.createdAt)),
    d.select().from(complimentaryGrants).where(eq(complimentaryGrants.userId, id)).orderBy(desc(complimentaryGrants.createdAt)),
    d
      .select({
        id: deliveries.id,
        headline: pieces.headline,
        variant: deliveries.variant,
        status: deliveries.status,
        at: deliveries.updatedAt,
        error: deliveries.error,
      })
      .from(deliveries)
      .innerJoin(sends, eq(sends.id, deliveries.sendId))
      .innerJoin(pieces, eq(pieces.id, sends.pieceId))
      .where(eq(deliveries.email, user.email))
      .orderBy(desc(deliveries.updatedAt))
      .limit(MAIL_LIMIT),
    opts.includeOutbox
      ? d
          .select({ id: outbox.id, subject: outbox.subject, at: outbox.createdAt })
          .from(outbox)
          .where(eq(outbox.to, user.email))
          .orderBy(desc(outbox.createdAt))
          .limit(MAIL_LIMIT)
      : Promise.resolve([]),
  ]);
  const mails: MailView[] = [
    ...delivered.map((m) => ({
      id: m.id,
      source: "newsletter" as const,
      subject: m.headline,
      variant: m.variant,
      status: m.status,
      at: m.at,
      error: m.error,
    })),
    ...outboxRows.map((m) => ({
      id: m.id,
      source: "outbox" as const,
      subject: maskCodes(m.subject),
      variant: null,
      status: "in outbox",
      at: m.at,
      error: null,
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  return {
    row: describeMember(user, subs, grants, policy),
    emailVerified: user.emailVerified,
    stripeCustomerId: user.stripeCustomerId,
    role: user.role,
    subscriptions: subs,
    grants: grants.map((g) => ({
      id: g.id,
      expiresAt: g.expiresAt,
      revokedAt: g.revokedAt,
      note: g.note,
      grantedBy: g.grantedBy,
      createdAt: g.createdAt,
      state: grantCounts(g, policy) ? "active" : g.revokedAt && g.revokedAt <= policy.now ? "revoked" : "expired",
    })),
    mails,
  };
}

export type FieldErrors = Partial<Record<"until" | "note" | "form", string>>;
export type GrantResult = { ok: true; grantId: string; expiresAt: Date | null } | { ok: false; errors: FieldErrors };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "Access until" a day means through the end of that day (UTC). */
export function endOfDay(day: string): Date | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d, 23, 59, 59, 999));
  return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d ? at : null;
}

export const GrantInput = z.object({
  userId: z.uuid({ error: "Unknown member." }),
  until: z.string({ error: "Enter a date or leave it empty." }).trim().max(10, "Enter the date as YYYY-MM-DD."),
  note: z.string({ error: "The note must be text." }).trim().max(500, "Keep the note under 500 characters."),
});

/** A complimentary grant: staff only; "until" empty means no end date, else a day after today. */
export async function grantComplimentary(viewer: Viewer, input: unknown, policy: AccessPolicy): Promise<GrantResult> {
  const actor = await authorizeStaff(viewer);
  const parsed = GrantInput.safeParse(input);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] === "until" || issue.path[0] === "note" ? issue.path[0] : "form";
      errors[key] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const { userId, until, note } = parsed.data;
  let expiresAt: Date | null = null;
  if (until !== "") {
    expiresAt = endOfDay(until);
    if (!expiresAt) return { ok: false, errors: { until: "Enter a real date, like 2026-12-31." } };
    if (until <= isoDay(policy.now))
      return {
        ok: false,
        errors: { until: "The end date must be in the future: choose a day after today, or leave it empty for no end date." },
      };
    if (expiresAt.getUTCFullYear() > 2100) return { ok: false, errors: { until: "Choose a date before 2100." } };
  }
  const d = await db();
  return d.transaction(async (tx) => {
    const [target] = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId));
    if (!target) return { ok: false, errors: { form: "That member no longer exists." } } satisfies GrantResult;
    const [row] = await tx
      .insert(complimentaryGrants)
      .values({ userId, expiresAt, note: note === "" ? null : note, grantedBy: actor.email })
      .returning({ id: complimentaryGrants.id });
    if (!row) throw new Error("grant insert returned nothing");
    await audit(
      actor,
      "complimentary.grant",
      userId,
      { email: target.email, grantId: row.id, until: until || null, note: note || null },
      tx,
    );
    return { ok: true, grantId: row.id, expiresAt } satisfies GrantResult;
  });
}

export const RevokeInput = z.object({ userId: z.uuid(), grantId: z.uuid() });
export type RevokeResult = { ok: true } | { ok: false; error: string };

/** Ends a grant now. Staff only; a grant already revoked, or of another member, is refused. */
export async function revokeGrant(viewer: Viewer, input: unknown, policy: AccessPolicy): Promise<RevokeResult> {
  const actor = await authorizeStaff(viewer);
  const parsed = RevokeInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Unknown grant." };
  const { userId, grantId } = parsed.data;
  const d = await db();
  return d.transaction(async (tx) => {
    const [row] = await tx
      .update(complimentaryGrants)
      .set({ revokedAt: policy.now })
      .where(and(eq(complimentaryGrants.id, grantId), eq(complimentaryGrants.userId, userId), isNull(complimentaryGrants.revokedAt)))
      .returning({ id: complimentaryGrants.id });
    if (!row) return { ok: false, error: "That grant does not exist or was already revoked." } satisfies RevokeResult;
    const [target] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    await audit(actor, "complimentary.revoke", userId, { email: target?.email ?? null, grantId }, tx);
    return { ok: true } satisfies RevokeResult;
  });
}
