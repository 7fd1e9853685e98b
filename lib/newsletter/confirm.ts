import "server-only";
import { db } from "@/lib/db";
import type { Viewer, Visibility } from "@/lib/access/rule";
import { currentPolicy } from "@/lib/access/policy";
import { authorizeStaff } from "@/lib/staff/authz";
import { countAudience, type AudienceCounts } from "./audience";

/**
 * The publish confirmation's numbers: who a piece of this visibility would be mailed to now, for
 * each audience the editor may choose. Counted by the same pages and filter the freeze uses.
 */
export async function audienceForConfirmation(viewer: Viewer, visibility: Visibility): Promise<{ everyone: AudienceCounts; paid: AudienceCounts }> {
  await authorizeStaff(viewer);
  const d = await db();
  const piece = { id: "confirmation", visibility };
  const policy = currentPolicy();
  const [everyone, paid] = await Promise.all([countAudience(d, piece, policy, "everyone"), countAudience(d, piece, policy, "paid")]);
  return { everyone, paid };
}
