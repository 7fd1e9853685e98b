/**
 * The reading page's one-query viewer: a session token gives the same Viewer (and so the same
 * access decision) as the user's facts read one by one, and nothing for an expired or unknown token.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { complimentaryGrants, sessions, subscriptions, users } from "@/db/schema";
import { ANONYMOUS, hasPaidAccess } from "@/lib/access/rule";
import { viewerForSessionToken, viewerForUser } from "./viewer-facts";

const NOW = new Date("2026-11-22T10:00:00Z");
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const policy = { now: NOW, paymentGraceDays: 7 };

describe.each(databaseKinds())("viewerForSessionToken on %s", (kind) => {
  const t = useTestDatabase(kind);

  async function member(facts: { subscription?: { status: string; periodEndDays: number | null; pastDueDays?: number }; grantDays?: number | null }) {
    const [user] = await t.db.insert(users).values({ email: `${randomBytes(6).toString("hex")}@example.com` }).returning({ id: users.id });
    if (!user) throw new Error("no user");
    const token = randomBytes(16).toString("hex");
    await t.db.insert(sessions).values({ sessionToken: token, userId: user.id, expires: at(30) });
    if (facts.subscription) {
      const s = facts.subscription;
      await t.db.insert(subscriptions).values({
        id: `sub_${token}`,
        customerId: `cus_${token}`,
        userId: user.id,
        status: s.status,
        currentPeriodEnd: s.periodEndDays === null ? null : at(s.periodEndDays),
        pastDueSince: s.pastDueDays === undefined ? null : at(s.pastDueDays),
      });
    }
    if (facts.grantDays !== undefined) {
      await t.db.insert(complimentaryGrants).values({ userId: user.id, expiresAt: facts.grantDays === null ? null : at(facts.grantDays) });
    }
    return { userId: user.id, token };
  }

  it.each([
    ["a free member", {}, false],
    ["an active subscriber", { subscription: { status: "active", periodEndDays: 20 } }, true],
    ["past due within the grace period", { subscription: { status: "past_due", periodEndDays: -1, pastDueDays: -3 } }, true],
    ["past due beyond the grace period", { subscription: { status: "past_due", periodEndDays: -10, pastDueDays: -10 } }, false],
    ["a canceled subscriber", { subscription: { status: "canceled", periodEndDays: -2 } }, false],
    ["an open-ended complimentary grant", { grantDays: null }, true],
    ["an expired complimentary grant", { grantDays: -1 }, false],
  ] as const)("%s: the same viewer as viewerForUser (paid access %s)", async (_name, facts, paid) => {
    const { userId, token } = await member(facts);
    const bySession = await viewerForSessionToken(token, NOW);
    expect(bySession).toEqual(await viewerForUser(userId));
    expect(bySession.kind).toBe("member");
    expect(hasPaidAccess(bySession, policy)).toBe(paid);
  });

  it("dates come back as the instants stored", async () => {
    const { token } = await member({ subscription: { status: "active", periodEndDays: 20 } });
    const viewer = await viewerForSessionToken(token, NOW);
    expect(viewer.kind === "member" ? viewer.subscriptions[0]?.currentPeriodEnd?.toISOString() : null).toBe(at(20).toISOString());
  });

  it("an expired session, or an unknown token, is anonymous", async () => {
    const { token } = await member({ subscription: { status: "active", periodEndDays: 20 } });
    expect(await viewerForSessionToken(token, at(31))).toEqual(ANONYMOUS);
    expect(await viewerForSessionToken(`${token}x`, NOW)).toEqual(ANONYMOUS);
    expect(await viewerForSessionToken(token, at(29))).not.toEqual(ANONYMOUS);
  });

  it("slides the session's end like Auth.js: not within a day of the last renewal, then 30 days from the visit", async () => {
    const { token } = await member({});
    const expiresOf = async () => (await t.db.select({ e: sessions.expires }).from(sessions).where(eq(sessions.sessionToken, token)))[0]?.e.toISOString();
    await viewerForSessionToken(token, new Date(NOW.getTime() + DAY / 2));
    expect(await expiresOf()).toBe(at(30).toISOString());
    await viewerForSessionToken(token, at(2));
    expect(await expiresOf()).toBe(at(32).toISOString());
    expect(await viewerForSessionToken(token, at(31))).not.toEqual(ANONYMOUS);
  });
});
