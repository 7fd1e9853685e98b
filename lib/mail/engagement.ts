import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deliveries } from "@/db/schema";

/**
 * What Resend's webhook tells about one recipient of a send, stored on that recipient's delivery row
 * (matched by the Resend email id the sender recorded as `provider_id`). An unknown id changes nothing.
 *
 * Machine opens: Apple Mail Privacy Protection and mail-security scanners fetch the tracking pixel as
 * the message arrives, and Resend's `email.opened` carries no user agent to tell them apart. The rule
 * here: an open less than MACHINE_OPEN_WINDOW_MS after the delivery (by the events' own times) is a
 * machine's; later opens are a reader's. An open whose delivery time is not yet known counts as a reader's.
 */
export const MACHINE_OPEN_WINDOW_MS = 10_000;

type Tx = Pick<Db, "update">;

export function isMachineOpen(openedAt: Date, deliveredAt: Date | null): boolean {
  return deliveredAt !== null && openedAt.getTime() - deliveredAt.getTime() < MACHINE_OPEN_WINDOW_MS;
}

export async function recordDelivered(tx: Tx, emailId: string, at: Date): Promise<void> {
  // Only forward: a bounce that arrived first stays a bounce.
  await tx
    .update(deliveries)
    .set({ status: sql`case when ${deliveries.status} = 'sent' then 'delivered' else ${deliveries.status} end`, deliveredAt: at, updatedAt: new Date() })
    .where(and(eq(deliveries.providerId, emailId), inArray(deliveries.status, ["sent", "delivered"])));
}

export async function recordOpen(tx: Tx & Pick<Db, "select">, emailId: string, at: Date): Promise<void> {
  const rows = await tx.select({ id: deliveries.id, deliveredAt: deliveries.deliveredAt }).from(deliveries).where(eq(deliveries.providerId, emailId));
  for (const row of rows) {
    const machine = isMachineOpen(at, row.deliveredAt);
    await tx
      .update(deliveries)
      .set({
        opens: sql`${deliveries.opens} + 1`,
        machineOpens: machine ? sql`${deliveries.machineOpens} + 1` : deliveries.machineOpens,
        openedAt: sql`coalesce(${deliveries.openedAt}, ${at.toISOString()}::timestamptz)`,
        humanOpenedAt: machine ? deliveries.humanOpenedAt : sql`coalesce(${deliveries.humanOpenedAt}, ${at.toISOString()}::timestamptz)`,
        updatedAt: new Date(),
      })
      .where(eq(deliveries.id, row.id));
  }
}

export async function recordClick(tx: Tx, emailId: string, at: Date): Promise<void> {
  await tx
    .update(deliveries)
    .set({ clicks: sql`${deliveries.clicks} + 1`, clickedAt: sql`coalesce(${deliveries.clickedAt}, ${at.toISOString()}::timestamptz)`, updatedAt: new Date() })
    .where(eq(deliveries.providerId, emailId));
}
