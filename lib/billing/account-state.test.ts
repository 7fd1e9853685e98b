import { describe, expect, it } from "vitest";
import type { BillingSummary } from "./account";
import { accountState, cancelsOnDelete } from "./account-state";

const END = new Date("2031-04-14T00:00:00Z");
const TRIAL = new Date("2031-03-20T00:00:00Z");
const ENDED = new Date("2031-03-01T00:00:00Z");
const summary = (over: Partial<BillingSummary>): BillingSummary => ({
  status: "active",
  interval: "month",
  unitAmount: 800,
  currency: "usd",
  currentPeriodEnd: END,
  cancelAtPeriodEnd: false,
  trialEnd: null,
  endedAt: null,
  ...over,
});

describe("account state for each subscription status", () => {
  it.each([
    ["no subscription", null, { kind: "none" }],
    ["active", summary({}), { kind: "active", nextCharge: END }],
    ["active, cancel at period end", summary({ cancelAtPeriodEnd: true }), { kind: "cancelling", endsOn: END }],
    ["trialing", summary({ status: "trialing", trialEnd: TRIAL }), { kind: "trialing", trialEnds: TRIAL, cancelling: false }],
    ["past_due", summary({ status: "past_due" }), { kind: "past_due" }],
    ["unpaid", summary({ status: "unpaid" }), { kind: "past_due" }],
    ["canceled", summary({ status: "canceled", endedAt: ENDED }), { kind: "ended", endedOn: ENDED }],
    ["incomplete", summary({ status: "incomplete" }), { kind: "other", status: "incomplete" }],
  ] as const)("%s", (_label, input, expected) => {
    expect(accountState(input)).toEqual(expected);
  });

  it("says deletion cancels only a subscription that still runs", () => {
    expect(cancelsOnDelete(accountState(summary({})))).toBe(true);
    expect(cancelsOnDelete(accountState(summary({ status: "past_due" })))).toBe(true);
    expect(cancelsOnDelete(accountState(summary({ status: "canceled" })))).toBe(false);
    expect(cancelsOnDelete(accountState(null))).toBe(false);
  });
});
