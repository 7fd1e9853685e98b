import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { db } from "@/lib/db";
import { pieces, type Piece } from "@/db/schema";
import type { Viewer } from "@/lib/access/rule";
import { audit } from "@/lib/staff/audit";
import { authorizeStaff } from "@/lib/staff/authz";
import { requestNewsletterSend } from "@/lib/newsletter/request";
import { fieldErrors, PieceForm, type FieldErrors, type PieceFormValues } from "./input";
import { invalidatePiecePages } from "./invalidation";
import { schedulePublication } from "./schedule";
import { checkAssessmentRefs, writeAssessment } from "@/lib/pieces/risk-write";

export type SaveIntent = "draft" | "publish" | "schedule" | "unpublish";
export type SaveResult =
  | { ok: true; id: string; status: Piece["status"]; message: string }
  | { ok: false; errors: FieldErrors };

/** The schema's fields are the columns (lib/publishing/input.ts), but for the source summary's column name; publishAt and the assessment are saved apart. */
function columns(v: PieceFormValues) {
  const { publishAt: _publishAt, assessment: _assessment, sourceSummary, ...sameName } = v;
  return { ...sameName, sourceBody: sourceSummary } satisfies Partial<typeof pieces.$inferInsert>;
}

const MESSAGES: Record<SaveIntent, string> = {
  draft: "Draft saved.",
  publish: "Published. It is on the front page now.",
  schedule: "Scheduled.",
  unpublish: "Unpublished. Readers no longer see it.",
};

/**
 * Saves the editor's form with one of its four buttons. Staff only. Validates everything first; a
 * refusal changes nothing. The audit line shares the save's transaction.
 */
export async function savePiece(viewer: Viewer, id: string | null, raw: unknown, intent: SaveIntent, now = new Date()): Promise<SaveResult> {
  const actor = await authorizeStaff(viewer);
  const parsed = PieceForm.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const v = parsed.data;
  if (intent === "schedule" && (!v.publishAt || v.publishAt.getTime() <= now.getTime())) {
    return { ok: false, errors: { publishAt: "Choose a publish time in the future." } };
  }
  const d = await db();
  const existing = id ? (await d.select({ id: pieces.id, status: pieces.status, publishAt: pieces.publishAt, slug: pieces.slug, category: pieces.category }).from(pieces).where(eq(pieces.id, id)))[0] : undefined;
  if (id && !existing) return { ok: false, errors: { form: "This piece no longer exists." } };
  const clash = await d
    .select({ id: pieces.id })
    .from(pieces)
    .where(id ? and(eq(pieces.slug, v.slug), ne(pieces.id, id)) : eq(pieces.slug, v.slug));
  if (clash.length > 0) return { ok: false, errors: { slug: "That slug is already used by another piece." } };
  const refErrors = v.assessment ? await checkAssessmentRefs(d, v.assessment, existing?.id ?? null) : {};
  if (Object.keys(refErrors).length > 0) return { ok: false, errors: { assessment: Object.values(refErrors)[0], ...refErrors } };

  const wasPublished = existing?.status === "published";
  const status: Piece["status"] = intent === "publish" ? "published" : intent === "schedule" ? "scheduled" : "draft";
  const publishAt =
    intent === "schedule" ? v.publishAt : intent === "publish" ? (wasPublished && existing?.publishAt ? existing.publishAt : now) : existing?.publishAt ?? null;
  const values = { ...columns(v), status, publishAt, updatedAt: now };

  const saved = await d.transaction(async (tx) => {
    const [row] = existing
      ? await tx.update(pieces).set(values).where(eq(pieces.id, existing.id)).returning({ id: pieces.id })
      : await tx
          .insert(pieces)
          .values({ ...values, authorId: actor.userId, authorName: null })
          .returning({ id: pieces.id });
    if (!row) throw new Error("save returned no row");
    await audit(actor, `piece.${intent}`, row.id, { slug: v.slug, headline: v.headline }, tx);
    const changedSignals = await writeAssessment(tx, row.id, v.assessment, actor.userId, now);
    return { id: row.id, changedSignals };
  });
  const savedId = saved.id;

  if (status === "scheduled" && publishAt) await schedulePublication(savedId, publishAt);
  if (status === "published" && !wasPublished && v.emailIt) await requestNewsletterSend(savedId, actor.userId);
  await invalidatePiecePages(
    existing && { slug: existing.slug, category: existing.category, published: wasPublished },
    { slug: v.slug, category: v.category, published: status === "published" },
  );
  return { ok: true, id: savedId, status, message: MESSAGES[intent] };
}
