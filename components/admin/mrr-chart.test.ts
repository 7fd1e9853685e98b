import { describe, expect, it } from "vitest";
import type { MonthRow } from "@/lib/numbers/monthly";
import { mrrChartSummary, mrrSeries } from "./mrr-chart";

const row = (month: string, mrr: MonthRow["mrr"]): MonthRow => ({ month, newSubscriptions: 0, churned: 0, net: 0, mrr, reasons: [] });

describe("the MRR chart's series", () => {
  it("charts the currency that earns most in the latest month, with months that earned none in it at 0", () => {
    const rows = [
      row("2026-09", [{ currency: "usd", monthly: 900 }]),
      row("2026-10", []),
      row("2026-11", [
        { currency: "eur", monthly: 5000 },
        { currency: "usd", monthly: 1800 },
      ]),
    ];
    expect(mrrSeries(rows)).toEqual({
      currency: "eur",
      points: [
        { month: "2026-09", monthly: 0 },
        { month: "2026-10", monthly: 0 },
        { month: "2026-11", monthly: 5000 },
      ],
    });
  });

  it("falls back to an earlier month's currency when nothing earns now, and says what it shows", () => {
    const rows = [row("2026-10", [{ currency: "usd", monthly: 1200 }]), row("2026-11", [])];
    expect(mrrSeries(rows).currency).toBe("usd");
    expect(mrrChartSummary(rows)).toBe("Bar chart of monthly recurring revenue in USD at each month's end, 2026-10 to 2026-11: $12.00 to $0.00.");
    expect(mrrChartSummary([])).toBe("No data.");
  });
});
