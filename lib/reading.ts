import { config } from "./env";
import { decideAccess, type Viewer } from "./access";
import { findPublishedBySlug, readAnalysis, type PieceTeaser } from "./pieces";
import { renderMarkdown } from "./markdown";

export type PieceBody =
  | { kind: "full"; analysisHtml: string }
  | { kind: "paywall"; reason: "sign-in" | "subscribe" };

export interface PieceForViewer {
  piece: PieceTeaser;
  body: PieceBody;
}

/** A published piece as `viewer` may see it: the analysis only when the access rule allows it. */
export async function pieceForViewer(slug: string, viewer: Viewer, now = new Date()): Promise<PieceForViewer | null> {
  const piece = await findPublishedBySlug(slug, now);
  if (!piece) return null;
  const decision = decideAccess(viewer, piece, { now, paymentGraceDays: config().paymentGraceDays });
  if (!decision.allowed) return { piece, body: { kind: "paywall", reason: decision.reason } };
  return { piece, body: { kind: "full", analysisHtml: renderMarkdown(await readAnalysis(decision.proof)) } };
}
