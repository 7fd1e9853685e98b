import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import { db } from "@/lib/db";
import { pieces, staffProfiles, type Piece } from "@/db/schema";
import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/access/rule";
import { audit } from "@/lib/staff/audit";
import { isStaffUser } from "@/lib/staff/profiles";
import { authorizeStaff } from "@/lib/staff/authz";
import { requestNewsletterSend } from "@/lib/newsletter/request";
import { fieldErrors, PieceForm, type FieldErrors, type PieceFormValues } from "./input";
import { invalidatePiecePages } from "./invalidation";
import { schedulePublication } from "./schedule";
import { checkAssessmentRefs, writeAssessment } from "@/lib/pieces/risk-write";
import { analysisColumns } from "@/lib/pieces/analysis-html";
import { categoryByName } from "@/lib/categories/store";
import type { RevisionKind } from "@/db/schema";
import { recordRevision } from "@/lib/revisions/record";
import { snapshotOf } from "@/lib/revisions/snapshot";
import { conflictMessage, versionOf } from "@/lib/revisions/version";

export type SaveIntent = "draft" | "publish" | "schedule" | "unpublish";
export type SaveResult =
  | { ok: true; id: string; status: Piece["status"]; message: string; version: string }
  | { ok: false; errors: FieldErrors; conflict?: true };

/** The schema's fields are the columns (lib/publishing/input.ts), but for the source summary's column name and the analysis's rendered copy; publishAt, the mail audience, the author and the assessment are saved apart. */
function columns(v: PieceFormValues) {
  const { publishAt: _publishAt, assessment: _assessment, mailAudience: _mailAudience, authorId: _authorId, sourceSummary, analysis, ...sameName } = v;
  return { ...sameName, ...analysisColumns(analysis), sourceBody: sourceSummary } satisfies Partial<typeof pieces.$inferInsert>;
}

const MESSAGES: Record<SaveIntent, string> = {
  draft: "Draft saved.",
  publish: "Published. It is on the front page now.",
  schedule: "Scheduled.",
  unpublish: "Unpublished. Readers no longer see it.",
};

export interface SaveOptions {
  /** The version the editor read (lib/revisions/version.ts); a piece saved since is refused, unchanged. */
  expectedVersion?: string;
  /** The revision this save records (default: "publish" for Publish, else "save"). */
  revision?: RevisionKind;
  /** Leave the risk assessment as it is (an autosave, a restore): the form's own is not part of it. */
  keepAssessment?: boolean;
  /** The audit code (default `piece.<intent>`); null writes none (an autosave coalesced into the last). */
  auditAction?: string | null;
}

/**
 * Saves the editor's form with one of its four buttons. Staff only. Validates everything first; a
 * refusal changes nothing. The audit line and the revision share the save's transaction.
 */
export async function savePiece(viewer: Viewer, id: string | null, raw: unknown, intent: SaveIntent, now = new Date(), opts: SaveOptions = {}): Promise<SaveResult> {
  const actor = await authorizeStaff(viewer);
  const parsed = PieceForm.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const v = parsed.data;
  if (intent === "schedule" && (!v.publishAt || v.publishAt.getTime() <= now.getTime())) {
    return { ok: false, errors: { publishAt: "Choose a publish time in the future." } };
  }
  const d = await db();
  const existing = id
    ? (await d.select({ id: pieces.id, status: pieces.status, publishAt: pieces.publishAt, slug: pieces.slug, category: pieces.category, authorId: pieces.authorId }).from(pieces).where(eq(pieces.id, id)))[0]
    : undefined;
  if (id && !existing) return { ok: false, errors: { form: "This piece no longer exists." } };
  const wasPublished = existing?.status === "published";
  // Nobody is mailed by surprise: a piece about to publish (now or on schedule) needs its audience chosen in this very request.
  if ((intent === "publish" || intent === "schedule") && !wasPublished && v.mailAudience === null) {
    return { ok: false, errors: { mailAudience: "Choose who gets this piece by email: everyone, paid subscribers only, or no email." } };
  }
  if (!(await categoryByName(v.category))) return { ok: false, errors: { category: "Choose one of the categories in the list (an admin adds new ones under Categories)." } };
  const authorId = v.authorId === "" ? (existing ? existing.authorId : actor.userId) : v.authorId;
  if (v.authorId !== "" && !(await isStaffUser(v.authorId))) return { ok: false, errors: { authorId: "Choose a member of staff as the author." } };
  const clash = await d
    .select({ id: pieces.id })
    .from(pieces)
    .where(id ? and(eq(pieces.slug, v.slug), ne(pieces.id, id)) : eq(pieces.slug, v.slug));
  if (clash.length > 0) return { ok: false, errors: { slug: "That slug is already used by another piece." } };
  const refErrors = v.assessment ? await checkAssessmentRefs(d, v.assessment, existing?.id ?? null) : {};
  if (Object.keys(refErrors).length > 0) return { ok: false, errors: { assessment: Object.values(refErrors)[0], ...refErrors } };

  const status: Piece["status"] = intent === "publish" ? "published" : intent === "schedule" ? "scheduled" : "draft";
  const publishAt =
    intent === "schedule" ? v.publishAt : intent === "publish" ? (wasPublished && existing?.publishAt ? existing.publishAt : now) : existing?.publishAt ?? null;
  const values = { ...columns(v), status, publishAt, authorId, updatedAt: now, ...(v.mailAudience ? { mailAudience: v.mailAudience } : {}) };

  const saved = await d.transaction(async (tx) => {
    if (existing && opts.expectedVersion !== undefined) {
      const [current] = await tx.select({ updatedAt: pieces.updatedAt }).from(pieces).where(eq(pieces.id, existing.id)).for("update");
      if (current && versionOf(current.updatedAt) !== opts.expectedVersion) return { conflict: current.updatedAt } as const;
    }
    const [row] = existing
      ? await tx.update(pieces).set(values).where(eq(pieces.id, existing.id)).returning({ id: pieces.id })
      : await tx
          .insert(pieces)
          .values({ ...values, authorName: null })
          .returning({ id: pieces.id });
    if (!row) throw new Error("save returned no row");
    const mailAudience = (await tx.select({ a: pieces.mailAudience }).from(pieces).where(eq(pieces.id, row.id)))[0]?.a ?? "none";
    const kind = opts.revision ?? (intent === "publish" ? "publish" : "save");
    const revision = await recordRevision(tx, { pieceId: row.id, authorId: actor.userId, kind, fields: snapshotOf({ ...v, authorId: authorId ?? "" }), now });
    const auditAction = opts.auditAction === undefined ? `piece.${intent}` : opts.auditAction;
    if (auditAction !== null && (kind !== "autosave" || revision.added)) {
      await audit(actor, auditAction, row.id, { slug: v.slug, headline: v.headline, ...(intent === "publish" || intent === "schedule" ? { mail: mailAudience } : {}) }, tx);
    }
    const changedSignals = opts.keepAssessment ? [] : await writeAssessment(tx, row.id, v.assessment, actor.userId, now);
    return { id: row.id, changedSignals, mailAudience };
  });
  if ("conflict" in saved && saved.conflict) return { ok: false, errors: { form: conflictMessage(saved.conflict) }, conflict: true };
  const savedId = saved.id;

  if (status === "scheduled" && publishAt) await schedulePublication(savedId, publishAt);
  if (status === "published" && !wasPublished && saved.mailAudience !== "none") await requestNewsletterSend(savedId, actor.userId);
  const slugs = await authorSlugs(d, [existing?.authorId, authorId]);
  await invalidatePiecePages(
    existing && { slug: existing.slug, category: existing.category, published: wasPublished, authorSlug: slugs.get(existing.authorId ?? "") },
    { slug: v.slug, category: v.category, published: status === "published", authorSlug: slugs.get(authorId ?? "") },
  );
  return { ok: true, id: savedId, status, message: MESSAGES[intent], version: versionOf(now) };
}

async function authorSlugs(d: Db, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = ids.filter((i): i is string => typeof i === "string");
  if (wanted.length === 0) return new Map();
  const rows = await d.select({ userId: staffProfiles.userId, slug: staffProfiles.slug }).from(staffProfiles).where(inArray(staffProfiles.userId, wanted));
  return new Map(rows.map((r) => [r.userId, r.slug]));
}
