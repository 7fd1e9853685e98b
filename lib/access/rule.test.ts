import { describe, expect, it } from "vitest";
import { ANONYMOUS, decideAccess, membershipStatus, subscriptionCounts, viewerCategory, type SubscriptionFacts, type Viewer } from "@/lib/access/rule";

const now = new Date("2026-11-22T12:00:00Z");
const policy = { now, paymentGraceDays: 7 };
const day = 86_400_000;
const at = (offsetDays: number) => new Date(now.getTime() + offsetDays * day);
const sub = (s: Partial<SubscriptionFacts>): SubscriptionFacts => ({
  status: "active",
  currentPeriodEnd: at(20),
  cancelAtPeriodEnd: false,
  pastDueSince: null,
  ...s,
});
const member = (extra: Partial<Extract<Viewer, { kind: "member" }>> = {}): Viewer => ({
  kind: "member",
  userId: "u1",
  email: "r@example.com",
  role: "reader",
  subscriptions: [],
  grants: [],
  ...extra,
});
const piece = (visibility: "public" | "members" | "paid") => ({ id: "p1", visibility });

describe("decideAccess", () => {
  it("public pieces are open to everyone", () => {
    expect(decideAccess(ANONYMOUS, piece("public"), policy).allowed).toBe(true);
  });

  it("members pieces need a signed-in reader", () => {
    expect(decideAccess(ANONYMOUS, piece("members"), policy)).toEqual({ allowed: false, reason: "sign-in" });
    expect(decideAccess(member(), piece("members"), policy).allowed).toBe(true);
  });

  it("paid pieces need a subscription, whether anonymous or a free member", () => {
    expect(decideAccess(ANONYMOUS, piece("paid"), policy)).toEqual({ allowed: false, reason: "subscribe" });
    expect(decideAccess(member(), piece("paid"), policy)).toEqual({ allowed: false, reason: "subscribe" });
  });

  it("staff read everything", () => {
    expect(decideAccess(member({ role: "editor" }), piece("paid"), policy).allowed).toBe(true);
    expect(decideAccess(member({ role: "admin" }), piece("paid"), policy).allowed).toBe(true);
  });

  it("the proof names the piece it was issued for", () => {
    const d = decideAccess(member({ subscriptions: [sub({})] }), { id: "piece-42", visibility: "paid" }, policy);
    expect(d.allowed && d.proof.pieceId).toBe("piece-42");
  });

  it.each([
    ["active", sub({}), true],
    ["trialing", sub({ status: "trialing" }), true],
    ["active, cancel at period end, period not over", sub({ cancelAtPeriodEnd: true, currentPeriodEnd: at(3) }), true],
    ["active, cancel at period end, period over", sub({ cancelAtPeriodEnd: true, currentPeriodEnd: at(-1) }), false],
    ["past_due within grace", sub({ status: "past_due", pastDueSince: at(-6) }), true],
    ["past_due beyond grace", sub({ status: "past_due", pastDueSince: at(-8) }), false],
    ["canceled", sub({ status: "canceled", currentPeriodEnd: at(10) }), false],
    ["incomplete", sub({ status: "incomplete" }), false],
    ["unpaid", sub({ status: "unpaid" }), false],
    ["paused", sub({ status: "paused" }), false],
  ])("subscription %s → %s", (_name, s, expected) => {
    expect(subscriptionCounts(s, policy)).toBe(expected);
    expect(decideAccess(member({ subscriptions: [s] }), piece("paid"), policy).allowed).toBe(expected);
  });

  it("complimentary grants count until they expire or are revoked", () => {
    const open = { expiresAt: null, revokedAt: null };
    expect(decideAccess(member({ grants: [open] }), piece("paid"), policy).allowed).toBe(true);
    expect(decideAccess(member({ grants: [{ expiresAt: at(1), revokedAt: null }] }), piece("paid"), policy).allowed).toBe(true);
    expect(decideAccess(member({ grants: [{ expiresAt: at(-1), revokedAt: null }] }), piece("paid"), policy).allowed).toBe(false);
    expect(decideAccess(member({ grants: [{ expiresAt: null, revokedAt: at(-1) }] }), piece("paid"), policy).allowed).toBe(false);
  });
});

describe("membershipStatus", () => {
  it("names the reader's standing", () => {
    expect(membershipStatus(ANONYMOUS, policy)).toBe("anonymous");
    expect(membershipStatus(member(), policy)).toBe("free");
    expect(membershipStatus(member({ subscriptions: [sub({})] }), policy)).toBe("paying");
    expect(membershipStatus(member({ subscriptions: [sub({ status: "trialing" })] }), policy)).toBe("trialing");
    expect(membershipStatus(member({ grants: [{ expiresAt: null, revokedAt: null }] }), policy)).toBe("complimentary");
    expect(membershipStatus(member({ role: "admin" }), policy)).toBe("staff");
  });
});

describe("viewerCategory", () => {
  it("anonymous readers are offered sign-in and join", () => {
    expect(viewerCategory(ANONYMOUS, policy)).toBe("anonymous");
  });

  it("a member without a counting subscription or grant is free", () => {
    expect(viewerCategory(member(), policy)).toBe("free");
    expect(viewerCategory(member({ subscriptions: [sub({ status: "canceled" })] }), policy)).toBe("free");
    expect(viewerCategory(member({ grants: [{ expiresAt: at(-1), revokedAt: null }] }), policy)).toBe("free");
  });

  it("active, trialing, complimentary and staff are subscribers", () => {
    expect(viewerCategory(member({ subscriptions: [sub({})] }), policy)).toBe("subscriber");
    expect(viewerCategory(member({ subscriptions: [sub({ status: "trialing" })] }), policy)).toBe("subscriber");
    expect(viewerCategory(member({ grants: [{ expiresAt: null, revokedAt: null }] }), policy)).toBe("subscriber");
    expect(viewerCategory(member({ role: "editor" }), policy)).toBe("subscriber");
  });

  it("a cancelling subscription still counts until its period ends", () => {
    expect(viewerCategory(member({ subscriptions: [sub({ cancelAtPeriodEnd: true })] }), policy)).toBe("subscriber");
    expect(viewerCategory(member({ subscriptions: [sub({ cancelAtPeriodEnd: true, currentPeriodEnd: at(-1) })] }), policy)).toBe("free");
  });

  it("past due is its own category, within the grace period and beyond it", () => {
    expect(viewerCategory(member({ subscriptions: [sub({ status: "past_due", pastDueSince: at(-1) })] }), policy)).toBe("past_due");
    expect(viewerCategory(member({ subscriptions: [sub({ status: "past_due", pastDueSince: at(-30) })] }), policy)).toBe("past_due");
  });

  it("a counting subscription or grant wins over a past-due one", () => {
    const both = member({ subscriptions: [sub({ status: "past_due", pastDueSince: at(-30) })], grants: [{ expiresAt: null, revokedAt: null }] });
    expect(viewerCategory(both, policy)).toBe("subscriber");
  });
});
