import "server-only";
import { and, count, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { deliveries, pieceReads, pieces, sends, subscriptions, users } from "@/db/schema";

/**
 * The numbers of each piece: its newsletter send (sent, delivered, opened by a reader or only by a
 * machine, clicked), its first-party page reads, and the members and subscribers it brought.
 * "Sent" counts deliveries the provider accepted (sent, delivered or bounced later).
 */
export interface PieceStats {
  pieceId: string;
  slug: string;
  headline: string;
  publishAt: Date | null;
  sendId: string | null;
  recipients: number;
  sent: number;
  delivered: number;
  openedHuman: number;
  openedMachineOnly: number;
  clicked: number;
  reads: number;
  newMembers: number;
  newSubscribers: number;
}

const countWhere = (cond: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${cond})`.mapWith(Number);

export async function pieceStats(opts: { pieceId?: string; limit?: number } = {}): Promise<PieceStats[]> {
  const d = await db();
  const list = await d
    .select({ id: pieces.id, slug: pieces.slug, headline: pieces.headline, publishAt: pieces.publishAt, sendId: sends.id })
    .from(pieces)
    .leftJoin(sends, eq(sends.pieceId, pieces.id))
    .where(opts.pieceId ? eq(pieces.id, opts.pieceId) : eq(pieces.status, "published"))
    .orderBy(desc(pieces.publishAt), desc(pieces.id))
    .limit(opts.limit ?? 100);
  if (list.length === 0) return [];
  const pieceIds = list.map((p) => p.id);
  const sendIds = list.flatMap((p) => (p.sendId ? [p.sendId] : []));
  const [mail, reads, members, subscribers] = await Promise.all([
    sendIds.length === 0
      ? []
      : d
          .select({
            sendId: deliveries.sendId,
            recipients: count(),
            sent: countWhere(sql`${deliveries.status} in ('sent', 'delivered', 'bounced')`),
            delivered: countWhere(sql`${deliveries.status} = 'delivered'`),
            openedHuman: countWhere(sql`${deliveries.humanOpenedAt} is not null`),
            openedMachineOnly: countWhere(sql`${deliveries.openedAt} is not null and ${deliveries.humanOpenedAt} is null`),
            clicked: countWhere(sql`${deliveries.clicks} > 0`),
          })
          .from(deliveries)
          .where(inArray(deliveries.sendId, sendIds))
          .groupBy(deliveries.sendId),
    d
      .select({ pieceId: pieceReads.pieceId, reads: sql<number>`sum(${pieceReads.reads})`.mapWith(Number) })
      .from(pieceReads)
      .where(inArray(pieceReads.pieceId, pieceIds))
      .groupBy(pieceReads.pieceId),
    d
      .select({ pieceId: users.signupPieceId, n: count() })
      .from(users)
      .where(inArray(users.signupPieceId, pieceIds))
      .groupBy(users.signupPieceId),
    d
      .select({ pieceId: subscriptions.sourcePieceId, n: count() })
      .from(subscriptions)
      .where(and(inArray(subscriptions.sourcePieceId, pieceIds), isNotNull(subscriptions.sourcePieceId)))
      .groupBy(subscriptions.sourcePieceId),
  ]);
  const mailBy = new Map(mail.map((m) => [m.sendId, m]));
  const readsBy = new Map(reads.map((r) => [r.pieceId, r.reads]));
  const membersBy = new Map(members.map((m) => [m.pieceId, m.n]));
  const subsBy = new Map(subscribers.map((s) => [s.pieceId, s.n]));
  return list.map((p) => {
    const m = p.sendId ? mailBy.get(p.sendId) : undefined;
    return {
      pieceId: p.id,
      slug: p.slug,
      headline: p.headline,
      publishAt: p.publishAt,
      sendId: p.sendId,
      recipients: m?.recipients ?? 0,
      sent: m?.sent ?? 0,
      delivered: m?.delivered ?? 0,
      openedHuman: m?.openedHuman ?? 0,
      openedMachineOnly: m?.openedMachineOnly ?? 0,
      clicked: m?.clicked ?? 0,
      reads: readsBy.get(p.id) ?? 0,
      newMembers: membersBy.get(p.id) ?? 0,
      newSubscribers: subsBy.get(p.id) ?? 0,
    };
  });
}

export const RECIPIENTS_PAGE = 50;

export interface RecipientRow {
  email: string;
  variant: "full" | "teaser";
  status: string;
  deliveredAt: Date | null;
  openedAt: Date | null;
  machineOnly: boolean;
  clicks: number;
  error: string | null;
}

/** One page of a send's recipients with what became of each mail, by address (every one when `page` is "all"). */
export async function sendRecipients(sendId: string, page: number | "all"): Promise<{ rows: RecipientRow[]; total: number }> {
  const d = await db();
  const [rows, [total]] = await Promise.all([
    d
      .select({
        email: deliveries.email,
        variant: deliveries.variant,
        status: deliveries.status,
        deliveredAt: deliveries.deliveredAt,
        openedAt: deliveries.openedAt,
        humanOpenedAt: deliveries.humanOpenedAt,
        clicks: deliveries.clicks,
        error: deliveries.error,
      })
      .from(deliveries)
      .where(eq(deliveries.sendId, sendId))
      .orderBy(deliveries.email)
      .limit(page === "all" ? 1_000_000 : RECIPIENTS_PAGE)
      .offset(page === "all" ? 0 : Math.max(0, page - 1) * RECIPIENTS_PAGE),
    d.select({ n: count() }).from(deliveries).where(eq(deliveries.sendId, sendId)),
  ]);
  return {
    total: total?.n ?? 0,
    rows: rows.map((r) => ({
      email: r.email,
      variant: r.variant,
      status: r.status,
      deliveredAt: r.deliveredAt,
      openedAt: r.humanOpenedAt ?? r.openedAt,
      machineOnly: r.openedAt !== null && r.humanOpenedAt === null,
      clicks: r.clicks,
      error: r.error,
    })),
  };
}

