import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { db } from "@/lib/db";
import { stripeSyncState, subscriptions, users } from "@/db/schema";
import { stripe } from "./stripe";
import { checkoutNextOf, pieceIdOfPath } from "./attribution";

/**
 * THE convergent step behind every Stripe signal: re-read the customer's subscriptions
 * from Stripe and upsert our mirror. Running it twice, or after any event in any order,
 * ends in the same state.
 */
export interface SyncResult {
  customerId: string;
  userId: string | null;
  subscriptions: number;
  deleted: boolean;
  /** A newer sync of the same customer had already written; this one wrote nothing. */
  superseded?: true;
}

const fromUnix = (t: number | null | undefined) => (typeof t === "number" ? new Date(t * 1000) : null);

function isMissing(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && (err as { code?: unknown }).code === "resource_missing";
}

async function readCustomer(customerId: string): Promise<Stripe.Customer | null> {
  try {
    const c = await stripe().customers.retrieve(customerId);
    return c.deleted ? null : c;
  } catch (err) {
    if (isMissing(err)) return null;
    throw err;
  }
}

async function listAllSubscriptions(customerId: string): Promise<Stripe.Subscription[]> {
  const out: Stripe.Subscription[] = [];
  for await (const sub of stripe().subscriptions.list({ customer: customerId, status: "all", limit: 100 })) out.push(sub);
  return out;
}

/**
 * When the subscription's current past_due episode began, as Stripe tells it: the finalization of the
 * oldest invoice still open (unpaid). A payment in between closes the earlier invoices, so a later
 * episode starts afresh even when no webhook ever showed the active state between the two.
 */
async function pastDueStart(sub: Stripe.Subscription): Promise<Date | null> {
  let oldest: number | null = null;
  for await (const invoice of stripe().invoices.list({ subscription: sub.id, status: "open", limit: 100 })) {
    const at = invoice.status_transitions.finalized_at ?? invoice.created;
    if (oldest === null || at < oldest) oldest = at;
  }
  return fromUnix(oldest);
}

/** Each sync takes a generation before it reads Stripe; the newest-started sync's view wins. */
async function startGeneration(customerId: string): Promise<number> {
  const [row] = await (await db())
    .insert(stripeSyncState)
    .values({ customerId, startedGeneration: 1 })
    .onConflictDoUpdate({ target: stripeSyncState.customerId, set: { startedGeneration: sql`${stripeSyncState.startedGeneration} + 1` } })
    .returning({ generation: stripeSyncState.startedGeneration });
  if (!row) throw new Error("could not start a sync generation");
  return row.generation;
}

export async function syncCustomer(customerId: string): Promise<SyncResult> {
  const generation = await startGeneration(customerId);
  const customer = await readCustomer(customerId);
  const subs = customer ? await listAllSubscriptions(customerId) : [];
  const pastDueStarts = new Map<string, Date | null>();
  for (const sub of subs) if (sub.status === "past_due") pastDueStarts.set(sub.id, await pastDueStart(sub));
  const d = await db();
  const mirrored = new Set(
    subs.length === 0 ? [] : (await d.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.customerId, customerId))).map((r) => r.id),
  );
  // The piece a subscription started from, asked of Stripe once: when the sync first sees it.
  const sources = new Map<string, string | null>();
  for (const sub of subs) if (!mirrored.has(sub.id)) sources.set(sub.id, await pieceIdOfPath(d, await checkoutNextOf(sub)));
  return d.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${customerId}))`);
    // A sync that started later (so read Stripe later) already wrote: this older view must not land.
    const [claimed] = await tx
      .update(stripeSyncState)
      .set({ writtenGeneration: generation })
      .where(and(eq(stripeSyncState.customerId, customerId), lt(stripeSyncState.writtenGeneration, generation)))
      .returning({ g: stripeSyncState.writtenGeneration });
    if (!claimed) return { customerId, userId: null, subscriptions: subs.length, deleted: !customer, superseded: true };
    let [owner] = await tx.select({ id: users.id }).from(users).where(eq(users.stripeCustomerId, customerId));
    const metaUser = customer?.metadata?.userId;
    if (!owner && metaUser) {
      [owner] = await tx
        .update(users)
        .set({ stripeCustomerId: customerId })
        .where(sql`${users.id} = ${metaUser} and ${users.stripeCustomerId} is null`)
        .returning({ id: users.id });
    }
    // Paid before signing in with the address of an account that has no customer yet: it is that account's.
    if (!owner && customer?.email) {
      [owner] = await tx
        .update(users)
        .set({ stripeCustomerId: customerId })
        .where(sql`${users.email} = ${customer.email.trim().toLowerCase()} and ${users.stripeCustomerId} is null`)
        .returning({ id: users.id });
    }
    if (!customer) {
      await tx
        .update(subscriptions)
        .set({ status: "canceled", endedAt: sql`coalesce(${subscriptions.endedAt}, now())`, syncedAt: new Date() })
        .where(eq(subscriptions.customerId, customerId));
      await tx.update(users).set({ stripeCustomerId: null }).where(eq(users.stripeCustomerId, customerId));
      return { customerId, userId: owner?.id ?? null, subscriptions: 0, deleted: true };
    }
    const existing = await tx
      .select({ id: subscriptions.id, status: subscriptions.status, pastDueSince: subscriptions.pastDueSince })
      .from(subscriptions)
      .where(eq(subscriptions.customerId, customerId));
    const before = new Map(existing.map((e) => [e.id, e]));
    for (const sub of subs) {
      const item = sub.items.data[0];
      const price = item?.price;
      const prior = before.get(sub.id);
      // Without an open invoice (not seen from Stripe), an episode already mirrored keeps its start.
      const pastDueSince =
        sub.status === "past_due"
          ? (pastDueStarts.get(sub.id) ?? (prior?.status === "past_due" && prior.pastDueSince ? prior.pastDueSince : new Date()))
          : null;
      const row = {
        customerId,
        userId: owner?.id ?? null,
        status: sub.status,
        priceId: price?.id ?? null,
        interval: price?.recurring?.interval ?? null,
        unitAmount: price?.unit_amount ?? null,
        currency: price?.currency ?? null,
        currentPeriodEnd: fromUnix(item?.current_period_end),
        cancelAtPeriodEnd: sub.cancel_at_period_end,
        trialEnd: fromUnix(sub.trial_end),
        pastDueSince,
        endedAt: fromUnix(sub.ended_at),
        cancellationFeedback: sub.cancellation_details?.feedback ?? null,
        cancellationComment: sub.cancellation_details?.comment ?? null,
        syncedAt: new Date(),
      };
      const source = sources.get(sub.id);
      await tx
        .insert(subscriptions)
        .values({ id: sub.id, ...row, sourcePieceId: source ?? null, createdAt: fromUnix(sub.created) ?? new Date() })
        .onConflictDoUpdate({ target: subscriptions.id, set: row });
    }
    return { customerId, userId: owner?.id ?? null, subscriptions: subs.length, deleted: false };
  });
}
