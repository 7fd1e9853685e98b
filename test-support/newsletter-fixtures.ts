/** Test data for the newsletter tests: a piece, readers of every kind, and many readers in bulk. */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ensureCategories } from "./categories";
import { complimentaryGrants, emailPreferences, pieces, subscriptions, suppressions, users } from "@/db/schema";

export const ANALYSIS_SENTENCE = "Insurers now price a single customs ruling as a supply-chain event.";
export const TEASER_SENTENCE = "A quiet change to export-licence rules has repriced chip risk.";

let counter = 0;
const unique = (label: string) => `${label}-${Date.now().toString(36)}-${++counter}`;

export async function seedPiece(d: Db, overrides: Partial<typeof pieces.$inferInsert> = {}): Promise<string> {
  const slug = unique("piece");
  await ensureCategories(d, [overrides.category ?? "Technology risk"]);
  const [row] = await d
    .insert(pieces)
    .values({
      slug,
      category: "Technology risk",
      headline: `The export licence that repriced chip risk (${slug})`,
      teaser: `${TEASER_SENTENCE} Markets noticed before ministers did.`,
      analysis: `## Why it matters\n\n${ANALYSIS_SENTENCE} Premiums followed the foundry spreads.`,
      ctaPitch: "The full analysis is for subscribers.",
      status: "published",
      visibility: "paid",
      publishAt: new Date(Date.now() - 60_000),
      ...overrides,
    })
    .returning({ id: pieces.id });
  if (!row) throw new Error("piece insert failed");
  return row.id;
}

export type ReaderKind =
  | "free"
  | "active"
  | "trialing"
  | "past_due_in_grace"
  | "past_due_expired"
  | "canceled"
  | "complimentary"
  | "expired_grant"
  | "editor"
  | "admin";

export interface ReaderOptions {
  newPieces?: boolean;
  suppressed?: boolean;
  email?: string;
}

const DAY = 86_400_000;

export async function seedReader(d: Db, kind: ReaderKind, opts: ReaderOptions = {}): Promise<{ id: string; email: string }> {
  const email = opts.email ?? `${unique(kind)}@example.com`;
  const role = kind === "editor" || kind === "admin" ? kind : "reader";
  const [user] = await d.insert(users).values({ email, role }).returning({ id: users.id });
  if (!user) throw new Error("user insert failed");
  const now = Date.now();
  const sub = (status: string, extra: Partial<typeof subscriptions.$inferInsert> = {}) =>
    d.insert(subscriptions).values({
      id: unique("sub"),
      customerId: unique("cus"),
      userId: user.id,
      status,
      currentPeriodEnd: new Date(now + 20 * DAY),
      ...extra,
    });
  switch (kind) {
    case "active":
    case "trialing":
    case "canceled":
      await sub(kind);
      break;
    case "past_due_in_grace":
      await sub("past_due", { pastDueSince: new Date(now - 2 * DAY) });
      break;
    case "past_due_expired":
      await sub("past_due", { pastDueSince: new Date(now - 30 * DAY) });
      break;
    case "complimentary":
      await d.insert(complimentaryGrants).values({ userId: user.id, expiresAt: new Date(now + 30 * DAY) });
      break;
    case "expired_grant":
      await d.insert(complimentaryGrants).values({ userId: user.id, expiresAt: new Date(now - DAY) });
      break;
    default:
      break;
  }
  if (opts.newPieces !== undefined) await d.insert(emailPreferences).values({ userId: user.id, newPieces: opts.newPieces });
  if (opts.suppressed) await d.insert(suppressions).values({ email: email.toLowerCase(), reason: "bounced" });
  return { id: user.id, email };
}

/**
 * `n` readers in one statement (ids `<prefix>0000001`…, addresses `<prefix>1@example.com`…);
 * every `paidEvery`-th has an active subscription.
 */
export async function seedManyReaders(d: Db, n: number, opts: { prefix?: string; paidEvery?: number } = {}): Promise<void> {
  const prefix = opts.prefix ?? "bulk";
  const paidEvery = opts.paidEvery ?? 10;
  await d.execute(sql`
    insert into ${users} (id, email, role)
    select ${prefix} || lpad(i::text, 7, '0'), ${prefix} || i || '@example.com', 'reader'
    from generate_series(1, ${n}::int) as i`);
  await d.execute(sql`
    insert into ${subscriptions} (id, customer_id, user_id, status, current_period_end)
    select 'sub_' || ${prefix} || i, 'cus_' || ${prefix} || i, ${prefix} || lpad(i::text, 7, '0'), 'active', now() + interval '30 days'
    from generate_series(1, ${n}::int) as i where i % ${paidEvery}::int = 0`);
}
