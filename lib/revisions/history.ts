import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { pieceRevisions, staffProfiles, users, type RevisionKind } from "@/db/schema";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/access/rule";
import { authorizeStaff } from "@/lib/staff/authz";
import { RevisionSnapshot, type Snapshot } from "./snapshot";

export interface RevisionListItem {
  id: string;
  kind: RevisionKind;
  createdAt: Date;
  authorName: string;
}

export interface Revision extends RevisionListItem {
  pieceId: string;
  fields: Snapshot;
}

const columns = {
  id: pieceRevisions.id,
  pieceId: pieceRevisions.pieceId,
  kind: pieceRevisions.kind,
  createdAt: pieceRevisions.createdAt,
  fields: pieceRevisions.fields,
  displayName: staffProfiles.displayName,
  name: users.name,
  email: users.email,
};

const nameOf = (r: { displayName: string | null; name: string | null; email: string | null }) => r.displayName ?? r.name ?? r.email?.split("@")[0] ?? "A former member of staff";

/** A piece's revisions, newest first. Staff only. */
export async function listRevisions(viewer: Viewer, pieceId: string): Promise<RevisionListItem[]> {
  await authorizeStaff(viewer);
  const id = z.uuid().safeParse(pieceId);
  if (!id.success) return [];
  const rows = await (await db())
    .select(columns)
    .from(pieceRevisions)
    .leftJoin(users, eq(users.id, pieceRevisions.authorId))
    .leftJoin(staffProfiles, eq(staffProfiles.userId, pieceRevisions.authorId))
    .where(eq(pieceRevisions.pieceId, id.data))
    .orderBy(desc(pieceRevisions.createdAt), desc(pieceRevisions.id));
  return rows.map((r) => ({ id: r.id, kind: r.kind, createdAt: r.createdAt, authorName: nameOf(r) }));
}

/** One revision of one piece, its fields validated as they are read. Staff only. */
export async function readRevision(viewer: Viewer, pieceId: string, revisionId: string): Promise<Revision | null> {
  await authorizeStaff(viewer);
  const ids = z.object({ pieceId: z.uuid(), revisionId: z.uuid() }).safeParse({ pieceId, revisionId });
  if (!ids.success) return null;
  const [row] = await (await db())
    .select(columns)
    .from(pieceRevisions)
    .leftJoin(users, eq(users.id, pieceRevisions.authorId))
    .leftJoin(staffProfiles, eq(staffProfiles.userId, pieceRevisions.authorId))
    .where(and(eq(pieceRevisions.id, ids.data.revisionId), eq(pieceRevisions.pieceId, ids.data.pieceId)));
  if (!row) return null;
  const fields = RevisionSnapshot.safeParse(row.fields);
  if (!fields.success) return null;
  return { id: row.id, pieceId: row.pieceId, kind: row.kind, createdAt: row.createdAt, authorName: nameOf(row), fields: fields.data };
}
