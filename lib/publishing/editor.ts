import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { db } from "@/lib/db";
import { pieces, type Piece } from "@/db/schema";
import type { Viewer } from "@/lib/access/rule";
import { audit } from "@/lib/staff/audit";
import { authorizeStaff } from "@/lib/staff/authz";
import { requestNewsletterSend } from "@/lib/newsletter/request";
import { fieldErrors, PieceForm, type FieldErrors, type PieceFormValues } from "./input";
import { refreshPublicPagesAfterSave } from "./refresh";
import { schedulePublication } from "./schedule";

export type SaveIntent = "draft" | "publish" | "schedule" | "unpublish";
export type SaveResult =
  | { ok: true; id: string; status: Piece["status"]; message: string }
  | { ok: false; errors: FieldErrors };

function columns(v: PieceFormValues) {
  return {
    headline: v.headline,
    slug: v.slug,
    category: v.category,
    teaser: v.teaser,
    analysis: v.analysis,
    ctaPitch: v.ctaPitch,
    visibility: v.visibility,
    sourceOutlet: v.sourceOutlet,
    sourceHeadline: v.sourceHeadline,
    sourceUrl: v.sourceUrl,
    sourcePublishedAt: v.sourcePublishedAt,
    sourceBody: v.sourceSummary,
    emailIt: v.emailIt,
  };
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
  const existing = id ? (await d.select().from(pieces).where(eq(pieces.id, id)))[0] : undefined;
  if (id && !existing) return { ok: false, errors: { form: "This piece no longer exists." } };
  const clash = await d
    .select({ id: pieces.id })
    .from(pieces)
    .where(id ? and(eq(pieces.slug, v.slug), ne(pieces.id, id)) : eq(pieces.slug, v.slug));
  if (clash.length > 0) return { ok: false, errors: { slug: "That slug is already used by another piece." } };

  const wasPublished = existing?.status === "published";
  const status: Piece["status"] = intent === "publish" ? "published" : intent === "schedule" ? "scheduled" : "draft";
  const publishAt =
    intent === "schedule" ? v.publishAt : intent === "publish" ? (wasPublished && existing?.publishAt ? existing.publishAt : now) : existing?.publishAt ?? null;
  const values = { ...columns(v), status, publishAt, updatedAt: now };

  const savedId = await d.transaction(async (tx) => {
    const [row] = existing
      ? await tx.update(pieces).set(values).where(eq(pieces.id, existing.id)).returning({ id: pieces.id })
      : await tx
          .insert(pieces)
          .values({ ...values, authorId: actor.userId, authorName: null })
          .returning({ id: pieces.id });
    if (!row) throw new Error("save returned no row");
    await audit(actor, `piece.${intent}`, row.id, { slug: v.slug, headline: v.headline }, tx);
    return row.id;
  });

  if (status === "published" || wasPublished) await refreshPublicPagesAfterSave();
  if (status === "scheduled" && publishAt) await schedulePublication(savedId, publishAt);
  if (status === "published" && !wasPublished && v.emailIt) await requestNewsletterSend(savedId, actor.userId);
  return { ok: true, id: savedId, status, message: MESSAGES[intent] };
}
