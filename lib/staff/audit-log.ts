import "server-only";
import { count, desc } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db";
import { auditLog } from "@/db/schema";

export const AUDIT_PAGE_SIZE = 50;

export const AuditQuery = z.object({
  page: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.coerce.number().int().min(1).max(1_000_000)).catch(1),
});

export interface AuditEntry {
  id: string;
  at: Date;
  actorEmail: string | null;
  actorId: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
}

/** Newest first. Callers are admin pages that ran requireAdmin. */
export async function listAuditLog(
  page: number,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<{ items: AuditEntry[]; total: number; page: number; pageCount: number }> {
  const d = await db();
  const [row] = await d.select({ n: count() }).from(auditLog);
  const total = row?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const p = Math.min(page, pageCount);
  const items = await d
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorEmail: auditLog.actorEmail,
      actorId: auditLog.actorId,
      action: auditLog.action,
      target: auditLog.target,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(pageSize)
    .offset((p - 1) * pageSize);
  return { items, total, page: p, pageCount };
}

/** A detail object as short "key: value" text for the table. */
export function describeDetail(detail: Record<string, unknown> | null): string {
  if (!detail) return "";
  return Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join("; ");
}
