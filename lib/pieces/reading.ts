import "server-only";
import { cache } from "react";
import { decideAccess, type Viewer } from "@/lib/access/rule";
import { currentPolicy } from "@/lib/access/policy";
import { findPublishedBySlug, readAnalysisHtml, type PieceTeaser } from "@/lib/pieces/queries";

export type PieceBody =
  | { kind: "full"; analysisHtml: string }
  | { kind: "paywall"; reason: "sign-in" | "subscribe" };

export interface PieceForViewer {
  piece: PieceTeaser;
  body: PieceBody;
}

/** The published piece of this request: metadata and page share one query. */
export const publishedPiece = cache((slug: string) => findPublishedBySlug(slug));

/** A published piece as `viewer` may see it: the analysis only when the access rule allows it. */
export async function pieceForViewer(slug: string, viewer: Viewer, now?: Date): Promise<PieceForViewer | null> {
  const piece = now ? await findPublishedBySlug(slug, now) : await publishedPiece(slug);
  if (!piece) return null;
  const decision = decideAccess(viewer, piece, currentPolicy(now));
  if (!decision.allowed) return { piece, body: { kind: "paywall", reason: decision.reason } };
  return { piece, body: { kind: "full", analysisHtml: await readAnalysisHtml(decision.proof) } };
}
