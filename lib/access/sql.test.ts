import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { complimentaryGrants, subscriptions, users } from "@/db/schema";
import {
  ANONYMOUS,
  CANCELED_STATUS,
  ENTITLED_STATUSES,
  decideAccess,
  GRACE_STATUS,
  STAFF_ROLES,
  isLapsed,
  membershipStatus,
  type AccessPolicy,
  type GrantFacts,
  type Role,
  type SubscriptionFacts,
  type Visibility,
} from "@/lib/access/rule";
import { mulberry32, propertySeed } from "@/test-support/prng";
import { lapsedSql, mayReadSql, membershipStatusSql } from "@/lib/access/sql";

/**
 * The SQL translation of the access rule must agree with lib/access/rule.ts on every case:
 * hand-picked boundaries (exactly at period end, exactly at the end of the grace period, a
 * grant revoked or expiring this very millisecond) and a few hundred random members, under the
 * default grace period and under others.
 */
const now = new Date("2026-11-22T12:00:00.000Z");
const policy: AccessPolicy = { now, paymentGraceDays: 7 };
const OTHER_GRACE_DAYS = [0, 3, 60];
const DAY = 86_400_000;
const at = (ms: number) => new Date(now.getTime() + ms);

const ROLES: Role[] = ["reader", ...STAFF_ROLES];
const STATUSES = [
  ...new Set<string>([...ENTITLED_STATUSES, GRACE_STATUS, CANCELED_STATUS, "unpaid", "incomplete", "incomplete_expired", "paused"]),
];
const PERIOD_ENDS = [null, at(-30 * DAY), at(-1), at(0), at(1), at(30 * DAY)];
const graceEdges = (days: number) => [at(-days * DAY), at(-days * DAY + 1), at(-days * DAY - 1)];
const PAST_DUE_SINCE = [null, ...[policy.paymentGraceDays, ...OTHER_GRACE_DAYS].flatMap(graceEdges), at(-DAY), at(-30 * DAY), at(DAY)];
const GRANT_TIMES = [null, at(-DAY), at(-1), at(0), at(1), at(DAY)];

interface Case {
  role: Role;
  subs: SubscriptionFacts[];
  grants: GrantFacts[];
}

function boundaryCases(): Case[] {
  const cases: Case[] = ROLES.map((role) => ({ role, subs: [], grants: [] }));
  for (const status of STATUSES)
    for (const currentPeriodEnd of PERIOD_ENDS)
      for (const cancelAtPeriodEnd of [false, true])
        for (const pastDueSince of status === "past_due" ? PAST_DUE_SINCE : [null])
          cases.push({ role: "reader", subs: [{ status, currentPeriodEnd, cancelAtPeriodEnd, pastDueSince }], grants: [] });
  for (const expiresAt of GRANT_TIMES)
    for (const revokedAt of GRANT_TIMES) cases.push({ role: "reader", subs: [], grants: [{ expiresAt, revokedAt }] });
  return cases;
}

function randomCases(seed: number, n: number): Case[] {
  const rng = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(0, xs.length - 1)]!;
  return Array.from({ length: n }, () => ({
    role: rng.next() < 0.1 ? pick(STAFF_ROLES) : "reader",
    subs: Array.from({ length: rng.int(0, 3) }, () => ({
      status: pick(STATUSES),
      currentPeriodEnd: pick(PERIOD_ENDS),
      cancelAtPeriodEnd: rng.next() < 0.4,
      pastDueSince: pick(PAST_DUE_SINCE),
    })),
    grants: Array.from({ length: rng.int(0, 2) }, () => ({ expiresAt: pick(GRANT_TIMES), revokedAt: pick(GRANT_TIMES) })),
  }));
}

describe.each(databaseKinds())("membership SQL on %s", (kind) => {
  const t = useTestDatabase(kind);
  const seed = propertySeed();
  const cases = [...boundaryCases(), ...randomCases(seed, 300)];
  const ids: string[] = [];

  beforeAll(async () => {
    let sub = 0;
    for (const [i, c] of cases.entries()) {
      const [u] = await t.db
        .insert(users)
        .values({ email: `case-${i}@example.com`, role: c.role })
        .returning({ id: users.id });
      ids.push(u!.id);
      if (c.subs.length)
        await t.db.insert(subscriptions).values(c.subs.map((s) => ({ ...s, id: `sub_${sub++}`, customerId: `cus_${i}`, userId: u!.id })));
      if (c.grants.length) await t.db.insert(complimentaryGrants).values(c.grants.map((g) => ({ ...g, userId: u!.id })));
    }
  }, 120_000);

  async function disagreementsUnder(p: AccessPolicy) {
    const rows = await t.db.select({ id: users.id, status: membershipStatusSql(p), lapsed: lapsedSql(p) }).from(users);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const disagreements: string[] = [];
    for (const [i, c] of cases.entries()) {
      const expected = membershipStatus(
        { kind: "member", userId: ids[i]!, email: "x", role: c.role, subscriptions: c.subs, grants: c.grants },
        p,
      );
      const got = byId.get(ids[i]!);
      if (got?.status !== expected || got.lapsed !== isLapsed(c.subs, p)) {
        disagreements.push(`case ${i}: sql=${got?.status}/${got?.lapsed} ts=${expected}/${isLapsed(c.subs, p)} ${JSON.stringify(c)}`);
      }
    }
    return { rows, disagreements };
  }

  it(`classifies every member as membershipStatus does (seed ${seed})`, async () => {
    const { rows, disagreements } = await disagreementsUnder(policy);
    expect(disagreements).toEqual([]);
    // The grid covers every status at least once, and both answers of "lapsed".
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["free", "paying", "trialing", "past_due", "complimentary", "staff"]));
    expect(new Set(rows.map((r) => r.lapsed))).toEqual(new Set([true, false]));
  });

  it.each(OTHER_GRACE_DAYS)(`agrees with a grace period of %i days too (seed ${seed})`, async (paymentGraceDays) => {
    const { disagreements } = await disagreementsUnder({ now, paymentGraceDays });
    expect(disagreements).toEqual([]);
  });

  it("filters with the same answer as the WHERE clause", async () => {
    const paying = await t.db
      .select({ id: users.id })
      .from(users)
      .where(eq(membershipStatusSql(policy), "paying"));
    const expected = cases
      .map((c, i) => ({
        i,
        s: membershipStatus({ kind: "member", userId: "u", email: "x", role: c.role, subscriptions: c.subs, grants: c.grants }, policy),
      }))
      .filter((x) => x.s === "paying")
      .map((x) => ids[x.i]);
    expect(paying.map((r) => r.id).sort()).toEqual(expected.sort());
  });

  it("decides who may read a piece of each visibility as decideAccess does", async () => {
    const VISIBILITIES: Visibility[] = ["public", "members", "paid"];
    const readable = async (viewerUserId: string | null) => {
      // Any one row of users to select from: the expressions name their own users row.
      const [row] = await t.db
        .select({
          public: mayReadSql(policy, sql`${"public"}::visibility`, viewerUserId),
          members: mayReadSql(policy, sql`${"members"}::visibility`, viewerUserId),
          paid: mayReadSql(policy, sql`${"paid"}::visibility`, viewerUserId),
        })
        .from(users)
        .limit(1);
      return VISIBILITIES.map((v) => row?.[v]);
    };
    const expectedOf = (viewer: Parameters<typeof decideAccess>[0]) =>
      VISIBILITIES.map((visibility) => decideAccess(viewer, { id: "p", visibility }, policy).allowed);
    expect(await readable(null)).toEqual(expectedOf(ANONYMOUS));
    expect(await readable("no-such-user")).toEqual([true, false, false]);
    const disagreements: string[] = [];
    const seen = new Set<string>();
    for (const [i, c] of cases.entries()) {
      const expected = expectedOf({ kind: "member", userId: ids[i]!, email: "x", role: c.role, subscriptions: c.subs, grants: c.grants });
      const got = await readable(ids[i]!);
      seen.add(JSON.stringify(got));
      if (JSON.stringify(got) !== JSON.stringify(expected)) disagreements.push(`case ${i}: sql=${JSON.stringify(got)} ts=${JSON.stringify(expected)}`);
    }
    expect(disagreements).toEqual([]);
    expect(seen).toEqual(new Set([JSON.stringify([true, true, true]), JSON.stringify([true, true, false])]));
  }, 120_000);
});
