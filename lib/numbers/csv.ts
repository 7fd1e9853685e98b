import "server-only";
import { toCsv } from "@/lib/staff/csv";
import type { MonthRow } from "./monthly";
import type { PieceStats, RecipientRow } from "./piece-stats";

/** The numbers pages' tables as CSV (lib/staff/csv.ts: CRLF, formula cells made text). */
const iso = (d: Date | null) => (d ? d.toISOString() : "");

export function pieceStatsCsv(rows: readonly PieceStats[]): string {
  return toCsv(
    ["piece", "slug", "published", "recipients", "sent", "delivered", "opened", "opened by a machine only", "clicked", "reads", "new members", "new subscribers"],
    rows.map((r) => [r.headline, r.slug, iso(r.publishAt), r.recipients, r.sent, r.delivered, r.openedHuman, r.openedMachineOnly, r.clicked, r.reads, r.newMembers, r.newSubscribers]),
  );
}

const money = (mrr: MonthRow["mrr"]) => mrr.map((m) => `${(m.monthly / 100).toFixed(2)} ${m.currency.toUpperCase()}`).join(" + ");

export function monthsCsv(rows: readonly MonthRow[]): string {
  return toCsv(
    ["month", "MRR", "new", "churned", "net", "cancellation reasons"],
    rows.map((r) => [r.month, money(r.mrr), r.newSubscriptions, r.churned, r.net, r.reasons.map((x) => `${x.feedback}: ${x.count}`).join("; ")]),
  );
}

export function recipientsCsv(rows: readonly RecipientRow[]): string {
  return toCsv(
    ["email", "variant", "status", "delivered at", "opened at", "opened by a machine only", "clicks", "error"],
    rows.map((r) => [r.email, r.variant, r.status, iso(r.deliveredAt), iso(r.openedAt), r.machineOnly ? "yes" : "no", r.clicks, r.error ?? ""]),
  );
}

