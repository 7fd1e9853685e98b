import "server-only";
import { decideAccess, viewerCategory, type Viewer } from "@/lib/access/rule";
import { currentPolicy } from "@/lib/access/policy";
import { followKeysOf } from "@/lib/risk/follows";
import { readGatedEdition } from "./gated-edition";
import { findPublishedBySlug } from "./queries";
import type { ReaderEditionWire } from "./reader-edition-wire";

/**
 * The viewer's part of a piece page, for the cached page's island: the analysis and the whole
 * assessment only when the access rule allows them. Null when no such piece is published.
 * An anonymous viewer gets only the category: the cached page is already theirs, so no query runs.
 */
export async function readerEdition(slug: string, viewer: Viewer): Promise<ReaderEditionWire | null> {
  const policy = currentPolicy();
  const category = viewerCategory(viewer, policy);
  if (viewer.kind === "anonymous") return { category };
  const [piece, followed] = await Promise.all([findPublishedBySlug(slug), followKeysOf(viewer.userId)]);
  if (!piece) return null;
  const decision = decideAccess(viewer, piece, policy);
  const edition = { followed: [...followed] };
  if (!decision.allowed) return { category, edition: { ...edition, body: { kind: "paywall", reason: decision.reason }, assessment: null } };
  const gated = await readGatedEdition(decision.proof);
  return { category, edition: { ...edition, body: { kind: "full", analysisHtml: gated.analysisHtml }, assessment: gated.assessment } };
}
