import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deliveries } from "@/db/schema";
import { decideAccess, type AccessPolicy, type AccessProof, type Visibility } from "@/lib/access/rule";
import { viewersById } from "./viewers";

const SAMPLE = 25;

/**
 * The full-variant mail is rendered once, for "a viewer with paid access". We don't invent such
 * a viewer: we ask the access rule about real recipients of this send's full variant (frozen as
 * entitled when the send was requested) and use the first proof it hands out. If none of them
 * is entitled any more (or the full audience is empty), there is no proof and the full variant
 * is not rendered at all.
 */
export async function proofForFullVariant(
  d: Db,
  sendId: string,
  piece: { id: string; visibility: Visibility },
  policy: AccessPolicy,
): Promise<AccessProof | null> {
  const sample = await d
    .select({ userId: deliveries.userId })
    .from(deliveries)
    .where(and(eq(deliveries.sendId, sendId), eq(deliveries.variant, "full"), isNotNull(deliveries.userId)))
    .orderBy(asc(deliveries.email))
    .limit(SAMPLE);
  const ids = sample.flatMap((r) => (r.userId === null ? [] : [r.userId]));
  const viewers = await viewersById(d, ids);
  for (const id of ids) {
    const viewer = viewers.get(id);
    if (!viewer) continue;
    const decision = decideAccess(viewer, piece, policy);
    if (decision.allowed) return decision.proof;
  }
  return null;
}
