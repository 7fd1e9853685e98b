/** The monthly report from mirrored subscription rows (PGlite, and PostgreSQL when DATABASE_URL is set). */
import { describe, expect, it } from "vitest";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { subscriptions } from "@/db/schema";
import { monthlyReport } from "./monthly";

const at = (s: string) => new Date(`${s}T12:00:00Z`);

describe.each(databaseKinds())("monthly report on %s", (kind) => {
  const t = useTestDatabase(kind);

  it("counts new, churned and net per month, MRR at each month's end, and the reasons given", async () => {
    let n = 0;
    const sub = (o: Partial<typeof subscriptions.$inferInsert>) => ({
      id: `sub_${kind}_${++n}`,
      customerId: `cus_${n}`,
      status: "active",
      unitAmount: 1000,
      interval: "month",
      currency: "usd",
      ...o,
    });
    await t.db.insert(subscriptions).values([
      sub({ createdAt: at("2026-01-10") }),
      sub({ createdAt: at("2026-01-20"), interval: "year", unitAmount: 12000 }),
      sub({ createdAt: at("2026-02-05"), status: "canceled", endedAt: at("2026-03-05"), cancellationFeedback: "too_expensive" }),
      sub({ createdAt: at("2026-02-06"), status: "canceled", endedAt: at("2026-03-09") }),
      // A trial that ends in March pays from March on.
      sub({ createdAt: at("2026-02-25"), trialEnd: at("2026-03-10") }),
      // Never started: left out.
      sub({ createdAt: at("2026-02-26"), status: "incomplete_expired" }),
    ]);
    const report = await monthlyReport(new Date("2026-03-15T00:00:00Z"), 3);
    expect(report.map((r) => [r.month, r.newSubscriptions, r.churned, r.net])).toEqual([
      ["2026-01", 2, 0, 2],
      ["2026-02", 3, 0, 3],
      ["2026-03", 0, 2, -2],
    ]);
    expect(report.map((r) => r.mrr)).toEqual([
      [{ currency: "usd", monthly: 2000 }],
      [{ currency: "usd", monthly: 4000 }],
      [{ currency: "usd", monthly: 3000 }],
    ]);
    expect(report[2]?.reasons).toEqual(
      expect.arrayContaining([
        { feedback: "too_expensive", count: 1 },
        { feedback: "none given", count: 1 },
      ]),
    );
  });
});
