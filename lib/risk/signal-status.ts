import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordSignalStatus, type SignalStatusChange } from "@/lib/pieces/risk-write";
import { refreshPublicPagesAfterSave } from "@/lib/publishing/refresh";
import { audit, type Actor } from "@/lib/staff/audit";
import { SIGNAL_STATUSES } from "./scale";

/**
 * After publication, an editor moves a signal (watching → triggered | faded, or back) with a
 * short note, without republishing the piece. The change is audited, refreshes the cached
 * pages, and a move to "triggered" mails the piece's followers (lib/risk/alerts.ts).
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

export async function changeSignalStatus(actor: Actor, raw: unknown, now = new Date()): Promise<SignalStatusResult> {
  const parsed = SignalStatusForm.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid input." };
  const { signalId, status, note } = parsed.data;
  const d = await db();
  const change = await d.transaction(async (tx) => {
    const c = await recordSignalStatus(tx, signalId, status, note, actor.userId, now);
    if (c) await audit(actor, "signal.status", signalId, { pieceId: c.pieceId, from: c.previous, to: status, note }, tx);
    return c;
  });
  if (!change) return { ok: false, error: "This signal no longer exists." };
  await refreshPublicPagesAfterSave();
  if (change.statusChanged) await afterSignalChanges(actor, [change]);
  return { ok: true, pieceId: change.pieceId, message: change.statusChanged ? `Signal marked ${status}.` : "Note added." };
}

/** What follows a change of status: a move to "triggered" alerts the piece's followers. */
export async function afterSignalChanges(_actor: Actor, changes: SignalStatusChange[]): Promise<void> {
  const triggered = changes.filter((c) => c.status === "triggered");
  if (triggered.length === 0) return;
  // Alerts arrive with lib/risk/alerts.ts.
}
