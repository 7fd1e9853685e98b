import "server-only";
import { and, asc, count, desc, eq, gte, isNotNull, lt, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { db } from "@/lib/db";
import { auditLog, pieces, sends, staffProfiles, users } from "@/db/schema";

export const AUDIT_PAGE_SIZE = 50;

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const day = z.preprocess(one, z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`))).optional()).catch(undefined);

/** The audit page's GET parameters; anything malformed is ignored rather than refused. */
export const AuditQuery = z.object({
  page: z.preprocess(one, z.coerce.number().int().min(1).max(1_000_000)).catch(1),
  actor: z.preprocess(one, z.uuid().optional()).catch(undefined),
  action: z.preprocess(one, z.string().trim().regex(/^[a-z0-9.-]{1,100}$/).optional()).catch(undefined),
  from: day,
  to: day,
});
export type AuditFilter = z.output<typeof AuditQuery>;

/** What an entry's target is, when it is something the staff area can show. */
export type AuditTarget =
  | { kind: "piece"; id: string; title: string }
  | { kind: "send"; id: string; title: string }
  | { kind: "person"; id: string; title: string; staff: boolean }
  | { kind: "other"; id: string };

export interface AuditEntry {
  id: string;
  at: Date;
  actorEmail: string | null;
  actorId: string | null;
  /** The actor's display name (staff profile) or address. */
  actorName: string | null;
  action: string;
  target: AuditTarget | null;
  detail: Record<string, unknown> | null;
}

const actorUser = alias(users, "actor_user");
const actorProfile = alias(staffProfiles, "actor_profile");
const targetUser = alias(users, "target_user");
const targetPiece = alias(pieces, "target_piece");
const sendPiece = alias(pieces, "send_piece");

function conditions(f: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.actor) parts.push(eq(auditLog.actorId, f.actor));
  if (f.action) parts.push(eq(auditLog.action, f.action));
  if (f.from) parts.push(gte(auditLog.at, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) parts.push(lt(auditLog.at, new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000)));
  return parts.length > 0 ? and(...parts) : undefined;
}

/** Newest first, filtered, with actors' names and targets' titles. Callers are admin pages that ran requireAdmin. */
export async function listAuditLog(
  filter: AuditFilter,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<{ items: AuditEntry[]; total: number; page: number; pageCount: number }> {
  const d = await db();
  const where = conditions(filter);
  const [row] = await d.select({ n: count() }).from(auditLog).where(where);
  const total = row?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const p = Math.min(filter.page, pageCount);
  const rows = await d
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorEmail: auditLog.actorEmail,
      actorId: auditLog.actorId,
      actorProfileName: actorProfile.displayName,
      actorUserEmail: actorUser.email,
      action: auditLog.action,
      target: auditLog.target,
      detail: auditLog.detail,
      pieceHeadline: targetPiece.headline,
      sendHeadline: sendPiece.headline,
      sendId: sends.id,
      personEmail: targetUser.email,
      personRole: targetUser.role,
    })
    .from(auditLog)
    .leftJoin(actorUser, eq(actorUser.id, auditLog.actorId))
    .leftJoin(actorProfile, eq(actorProfile.userId, auditLog.actorId))
    .leftJoin(targetPiece, eq(targetPiece.id, auditLog.target))
    .leftJoin(sends, eq(sends.id, auditLog.target))
    .leftJoin(sendPiece, eq(sendPiece.id, sends.pieceId))
    .leftJoin(targetUser, eq(targetUser.id, auditLog.target))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(pageSize)
    .offset((p - 1) * pageSize);
  const items = rows.map((r): AuditEntry => {
    const target: AuditTarget | null =
      r.target === null
        ? null
        : r.pieceHeadline !== null
          ? { kind: "piece", id: r.target, title: r.pieceHeadline }
          : r.sendId !== null
            ? { kind: "send", id: r.target, title: r.sendHeadline ?? "a send" }
            : r.personEmail !== null
              ? { kind: "person", id: r.target, title: r.personEmail, staff: r.personRole !== "reader" }
              : { kind: "other", id: r.target };
    return {
      id: r.id,
      at: r.at,
      actorEmail: r.actorEmail,
      actorId: r.actorId,
      actorName: r.actorProfileName ?? r.actorUserEmail ?? r.actorEmail,
      action: r.action,
      target,
      detail: r.detail,
    };
  });
  return { items, total, page: p, pageCount };
}

/** The filter's choices: everyone who acted (with a name) and every action logged. */
export async function auditFilterChoices(): Promise<{ actors: { id: string; name: string }[]; actions: string[] }> {
  const d = await db();
  const [actors, actions] = await Promise.all([
    d
      .selectDistinct({ id: users.id, email: users.email, name: staffProfiles.displayName })
      .from(auditLog)
      .innerJoin(users, eq(users.id, auditLog.actorId))
      .leftJoin(staffProfiles, eq(staffProfiles.userId, users.id))
      .where(isNotNull(auditLog.actorId))
      .orderBy(asc(users.email)),
    d.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)),
  ]);
  return { actors: actors.map((a) => ({ id: a.id, name: a.name ? `${a.name} (${a.email})` : a.email })), actions: actions.map((a) => a.action) };
}

/** The page's address with this filter (and page), for links and pagination. */
export function auditHref(f: Partial<AuditFilter>): string {
  const q = new URLSearchParams();
  if (f.actor) q.set("actor", f.actor);
  if (f.action) q.set("action", f.action);
  if (f.from) q.set("from", f.from);
  if (f.to) q.set("to", f.to);
  if (f.page && f.page > 1) q.set("page", String(f.page));
  const s = q.toString();
  return s ? `/admin/audit?${s}` : "/admin/audit";
}

/** A detail object as short "key: value" text for the table. */
export function describeDetail(detail: Record<string, unknown> | null): string {
  if (!detail) return "";
  return Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join("; ");
}
