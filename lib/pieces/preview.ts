import "server-only";
import { eq } from "drizzle-orm";
import { pieces, staffProfiles } from "@/db/schema";
import { ANONYMOUS, decideAccess, viewerCategory, type AccessPolicy, type Viewer, type ViewerCategory } from "@/lib/access/rule";
import { db } from "@/lib/db";
import type { RiskForViewer } from "@/lib/risk/types";
import { authorizeStaff } from "@/lib/staff/authz";
import { bylineColumns, readAnalysisHtml, teaserColumns, toTeaser } from "./queries";
import type { PieceForViewer } from "./reading";
import { readAssessment, readRiskHook } from "./risk";

/**
 * A piece, published or not, as a reader of one kind would get it on its page: the same access
 * rule decides the body and the risk card as for /read, for a stand-in reader of that kind. Staff
 * only: the analysis leaves the database under the staff member's own proof, and is shown only
 * where the stand-in's decision allows it.
 */
export const PREVIEW_READERS = ["anonymous", "free", "subscriber"] as const;
export type PreviewReader = (typeof PREVIEW_READERS)[number];

export function isPreviewReader(v: string): v is PreviewReader {
  return (PREVIEW_READERS as readonly string[]).includes(v);
}

/** The stand-in: no session; a member with nothing; a member whose subscription is active. */
function standIn(reader: PreviewReader): Viewer {
  if (reader === "anonymous") return ANONYMOUS;
  const subscriptions = reader === "subscriber" ? [{ status: "active", currentPeriodEnd: null, cancelAtPeriodEnd: false, pastDueSince: null }] : [];
  return { kind: "member", userId: `preview-${reader}`, email: `${reader}@preview.invalid`, role: "reader", subscriptions, grants: [] };
}

export interface PiecePreview extends PieceForViewer {
  risk: RiskForViewer;
  /** What the site offers this reader (masthead, paywall). */
  category: ViewerCategory;
}

export async function previewPieceAs(staff: Viewer, pieceId: string, reader: PreviewReader, policy: AccessPolicy): Promise<PiecePreview | null> {
  await authorizeStaff(staff);
  const [row] = await (await db())
    .select({ ...teaserColumns, ...bylineColumns })
    .from(pieces)
    .leftJoin(staffProfiles, eq(staffProfiles.userId, pieces.authorId))
    .where(eq(pieces.id, pieceId))
    .limit(1);
  if (!row) return null;
  const piece = toTeaser(row);
  const ours = decideAccess(staff, piece, policy);
  if (!ours.allowed) return null;
  const shown = standIn(reader);
  const theirs = decideAccess(shown, piece, policy);
  const category = viewerCategory(shown, policy);
  if (!theirs.allowed) {
    const hook = await readRiskHook(piece.id);
    return { piece, body: { kind: "paywall", reason: theirs.reason }, risk: hook ? { kind: "hook", hook } : { kind: "none" }, category };
  }
  const [analysisHtml, assessment] = await Promise.all([readAnalysisHtml(ours.proof), readAssessment(ours.proof)]);
  return { piece, body: { kind: "full", analysisHtml }, risk: assessment ? { kind: "full", assessment } : { kind: "none" }, category };
}
