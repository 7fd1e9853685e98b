import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordSignalStatus } from "@/lib/pieces/risk-write";
import { eq } from "drizzle-orm";
import { pieces } from "@/db/schema";
import { invalidatePages } from "@/lib/cache/invalidate";
import { pieceTag } from "@/lib/cache/tags";
import type { Viewer } from "@/lib/access/rule";
import { audit } from "@/lib/staff/audit";
import { authorizeStaff } from "@/lib/staff/authz";
import { enqueueSignalAlert, freezeSignalAlert } from "@/lib/newsletter/alert-request";
import { SIGNAL_STATUSES } from "./scale";

/**
 * After publication, an editor moves a signal (watching → triggered | faded, or back) with a
 * short note, without republishing the piece. The change is audited and refreshes the cached pages.
 * A signal newly marked triggered freezes its alert send (to the readers who follow the piece,
 * its vectors or its exposed parties) in the same transaction; marking it triggered again, or
 * twice at once, finds it already triggered and alerts nobody a second time.
 */
const CONTROL = /[\u0000-\u001f\u007f]/;

export const SignalStatusForm = z.object({
  signalId: z.uuid("Unknown signal."),
  status: z.enum(SIGNAL_STATUSES, { error: "Choose a signal status: watching, triggered or faded." }),
  note: z
    .string()
    .trim()
    .min(1, "Note is required: say in a line what changed.")
    .max(280, "Note is too long (at most 280 characters).")
    .refine((v) => !CONTROL.test(v), "Note must be one line of plain text."),
});

export type SignalStatusResult = { ok: true; message: string; pieceId: string } | { ok: false; error: string };

export async function changeSignalStatus(viewer: Viewer, raw: unknown, now = new Date()): Promise<SignalStatusResult> {
  const actor = await authorizeStaff(viewer);
  const parsed = SignalStatusForm.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid input." };
  const { signalId, status, note } = parsed.data;
  const d = await db();
  const change = await d.transaction(async (tx) => {
    const c = await recordSignalStatus(tx, signalId, status, note, actor.userId, now);
    if (!c) return null;
    await audit(actor, "signal.status", signalId, { pieceId: c.pieceId, from: c.previous, to: status, note }, tx);
    const alert = c.statusChanged && status === "triggered" ? await freezeSignalAlert(tx, c, actor.email) : null;
    return { ...c, alert };
  });
  if (!change) return { ok: false, error: "This signal no longer exists." };
  if (change.alert && !change.alert.finished) await enqueueSignalAlert(change.alert.sendId);
  const [piece] = await d.select({ slug: pieces.slug }).from(pieces).where(eq(pieces.id, change.pieceId));
  if (piece) await invalidatePages([pieceTag(piece.slug)]);
  return { ok: true, pieceId: change.pieceId, message: change.statusChanged ? `Signal marked ${status}.` : "Note added." };
}
