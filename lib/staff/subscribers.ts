import "server-only";
import { and, count, desc, eq, ilike, inArray, type SQL } from "drizzle-orm";
import { z } from "zod";
import { type Db } from "@/db/client";
import { db } from "@/lib/db";
import { complimentaryGrants, subscriptions, users } from "@/db/schema";
import { grantCounts, isLapsed, membershipStatus, subscriptionCounts, type AccessPolicy, type Role, type Viewer } from "@/lib/access/rule";
import { audit } from "@/lib/staff/audit";
import { csvLine } from "./csv";
import { authorizeStaff } from "./authz";
import { formatDate, isoDay } from "@/lib/format";
import { planLabel, type ListStatus } from "./format";
import { lapsedSql, membershipStatusSql, type MemberStatus } from "@/lib/access/sql";

export const FILTERS = ["all", "free", "paying", "trialing", "past_due", "canceled", "complimentary"] as const;
export type SubscriberFilter = (typeof FILTERS)[number];
export const FILTER_LABELS: Record<SubscriberFilter, string> = {
  all: "All",
  free: "Free",
  paying: "Paying",
  trialing: "Trialing",
  past_due: "Past due",
  canceled: "Canceled",
  complimentary: "Complimentary",
};

export const PAGE_SIZE = 50;

const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);

/** The list's query string (?q=&status=&page=); anything malformed falls back to the default. */
export const SubscriberQuery = z.object({
  q: z.preprocess(first, z.string().trim().max(254).catch("")).catch(""),
  status: z.preprocess(first, z.enum(FILTERS)).catch("all"),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(1_000_000)).catch(1),
});
export type SubscriberQuery = z.infer<typeof SubscriberQuery>;

export function parseSubscriberQuery(input: unknown): SubscriberQuery {
  return SubscriberQuery.parse(input ?? {});
}

/** Builds the list's URL for a query (omitting defaults). */
export function subscribersHref(q: Partial<SubscriberQuery>, base = "/admin/subscribers"): string {
  const p = new URLSearchParams();
  if (q.q) p.set("q", q.q);
  if (q.status && q.status !== "all") p.set("status", q.status);
  if (q.page && q.page > 1) p.set("page", String(q.page));
  const s = p.toString();
  return s ? `${base}?${s}` : base;
}

export interface SubscriberRow {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  status: ListStatus;
  plan: string;
  /** When the current status began: the counting subscription, the grant, or joining. */
  since: Date;
  joined: Date;
}

type SubRow = {
  userId: string | null;
  status: string;
  interval: string | null;
  unitAmount: number | null;
  currency: string | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  pastDueSince: Date | null;
  createdAt: Date;
};
type GrantRow = { userId: string; expiresAt: Date | null; revokedAt: Date | null; createdAt: Date };
type UserRow = { id: string; email: string; name: string | null; role: Role; createdAt: Date };

function whereFor(q: Pick<SubscriberQuery, "q" | "status">, policy: AccessPolicy): SQL | undefined {
  const conds: SQL[] = [];
  if (q.q) conds.push(ilike(users.email, `%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (q.status === "canceled") conds.push(lapsedSql(policy));
  else if (q.status !== "all") conds.push(eq(membershipStatusSql(policy), q.status));
  return conds.length ? and(...conds) : undefined;
}

async function factsFor(d: Db, ids: string[]): Promise<{ subs: Map<string, SubRow[]>; grants: Map<string, GrantRow[]> }> {
  const subs = new Map<string, SubRow[]>();
  const grants = new Map<string, GrantRow[]>();
  if (ids.length === 0) return { subs, grants };
  const [subRows, grantRows] = await Promise.all([
    d
      .select({
        userId: subscriptions.userId,
        status: subscriptions.status,
        interval: subscriptions.interval,
        unitAmount: subscriptions.unitAmount,
        currency: subscriptions.currency,
        currentPeriodEnd: subscriptions.currentPeriodEnd,
        cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
        pastDueSince: subscriptions.pastDueSince,
        createdAt: subscriptions.createdAt,
      })
      .from(subscriptions)
      .where(inArray(subscriptions.userId, ids))
      .orderBy(desc(subscriptions.createdAt)),
    d
      .select({
        userId: complimentaryGrants.userId,
        expiresAt: complimentaryGrants.expiresAt,
        revokedAt: complimentaryGrants.revokedAt,
        createdAt: complimentaryGrants.createdAt,
      })
      .from(complimentaryGrants)
      .where(inArray(complimentaryGrants.userId, ids))
      .orderBy(desc(complimentaryGrants.createdAt)),
  ]);
  for (const s of subRows) if (s.userId) subs.set(s.userId, [...(subs.get(s.userId) ?? []), s]);
  for (const g of grantRows) grants.set(g.userId, [...(grants.get(g.userId) ?? []), g]);
  return { subs, grants };
}

/** Status, plan and "since" of one member, from lib/access.ts's own functions. */
export function describeMember(user: UserRow, subs: SubRow[], grants: GrantRow[], policy: AccessPolicy): SubscriberRow {
  const status: MemberStatus = membershipStatus(
    { kind: "member", userId: user.id, email: user.email, role: user.role, subscriptions: subs, grants },
    policy,
  ) as MemberStatus;
  const counting = subs.filter((s) => subscriptionCounts(s, policy));
  const lapsed = isLapsed(subs, policy);
  const base = { id: user.id, email: user.email, name: user.name, role: user.role, joined: user.createdAt };
  const subscriptionStatus = status === "paying" ? "active" : status === "trialing" || status === "past_due" ? status : null;
  const current = subscriptionStatus ? counting.find((s) => s.status === subscriptionStatus) : counting[0];
  if (current && status !== "complimentary" && status !== "free") {
    return { ...base, status, plan: planLabel(current), since: subscriptionStatus ? current.createdAt : user.createdAt };
  }
  if (status === "complimentary") {
    const live = grants.filter((g) => grantCounts(g, policy));
    const open = live.some((g) => g.expiresAt === null);
    const until = live.reduce<Date | null>((m, g) => (g.expiresAt && (!m || g.expiresAt > m) ? g.expiresAt : m), null);
    const since = live.reduce((m, g) => (g.createdAt < m ? g.createdAt : m), live[0]?.createdAt ?? user.createdAt);
    return { ...base, status, plan: open || !until ? "Complimentary, no end date" : `Complimentary until ${formatDate(until)}`, since };
  }
  if (status === "free" && lapsed) {
    const last = subs.find((s) => s.status === "canceled");
    return { ...base, status: "canceled", plan: last ? `${planLabel(last)}, canceled` : "", since: user.createdAt };
  }
  return { ...base, status, plan: "", since: user.createdAt };
}

const userColumns = { id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt };

async function describeAll(d: Db, rows: UserRow[], policy: AccessPolicy): Promise<SubscriberRow[]> {
  const { subs, grants } = await factsFor(
    d,
    rows.map((r) => r.id),
  );
  return rows.map((r) => describeMember(r, subs.get(r.id) ?? [], grants.get(r.id) ?? [], policy));
}

export interface SubscriberPage {
  items: SubscriberRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** The staff list. Callers are staff pages that ran requireStaff. */
export async function listSubscribers(q: SubscriberQuery, policy: AccessPolicy, pageSize = PAGE_SIZE): Promise<SubscriberPage> {
  const d = await db();
  const where = whereFor(q, policy);
  const [totalRow] = await d.select({ n: count() }).from(users).where(where);
  const total = totalRow?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(q.page, pageCount);
  const rows = await d
    .select(userColumns)
    .from(users)
    .where(where)
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items: await describeAll(d, rows, policy), total, page, pageCount };
}

export const EXPORT_HEADER = ["email", "name", "status", "plan", "joined"] as const;
const EXPORT_BATCH = 500;

export interface SubscriberExport {
  filename: string;
  /** CSV text, header row first, in chunks of rows. */
  chunks: AsyncIterable<string>;
}

/**
 * The CSV export of the list as filtered. Refuses anyone who is not staff now (before reading
 * a row), and writes the export to the audit log.
 */
export async function exportSubscribers(
  viewer: Viewer,
  q: Pick<SubscriberQuery, "q" | "status">,
  policy: AccessPolicy,
): Promise<SubscriberExport> {
  const actor = await authorizeStaff(viewer);
  const d = await db();
  const where = whereFor(q, policy);
  await audit(actor, "subscribers.export", null, { filter: q.status, search: q.q || null });
  async function* chunks(): AsyncGenerator<string> {
    yield csvLine(EXPORT_HEADER);
    for (let offset = 0; ; offset += EXPORT_BATCH) {
      const rows = await d
        .select(userColumns)
        .from(users)
        .where(where)
        .orderBy(desc(users.createdAt), desc(users.id))
        .limit(EXPORT_BATCH)
        .offset(offset);
      if (rows.length === 0) return;
      const described = await describeAll(d, rows, policy);
      yield described.map((r) => csvLine([r.email, r.name, r.status, r.plan, isoDay(r.joined)])).join("");
      if (rows.length < EXPORT_BATCH) return;
    }
  }
  return { filename: `subscribers-${q.status}-${isoDay(policy.now)}.csv`, chunks: chunks() };
}
