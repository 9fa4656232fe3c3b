import { describe, expect, it } from "vitest";
import { committedCost, extraWorkersBudgetCarries, monthlyRate, projectedSpend, tariffForMonth } from "./budget";

const TARIFFS = [
  { effectiveFrom: "2015-07-01", jkk: 10000, jkm: 6800 },
  // A hypothetical mid-year change, to test that each month uses its own tariff.
  { effectiveFrom: "2027-07-01", jkk: 10000, jkm: 8000 },
];

describe("tariff in force", () => {
  it.each([
    ["2026-11", 16800],
    ["2027-06", 16800],
    ["2027-07", 18000],
  ])("%s → Rp %i", (month, rate) => {
    expect(monthlyRate(TARIFFS, month)).toBe(rate);
  });
  it("has none before the first tariff", () => {
    expect(() => tariffForMonth(TARIFFS, "2015-06")).toThrow();
  });
});

describe("committed cost", () => {
  it("bills each month's aktif workers at that month's tariff", () => {
    expect(committedCost([], TARIFFS)).toBe(0);
    expect(
      committedCost(
        [
          { month: "2027-06", active: 100 },
          { month: "2027-07", active: 100 },
        ],
        TARIFFS,
      ),
    ).toBe(100 * 16800 + 100 * 18000);
  });
});

describe("projection and capacity", () => {
  it("projects the rest of the year at the current count when there is no pace", () => {
    // November 2026 is current: only December remains. 20,000 × 16,800.
    expect(
      projectedSpend({ fiscalYear: 2026, currentMonth: "2026-11", committed: 0, count: 20000, perWeek: 0, quota: 20000, tariffs: TARIFFS, endsOn: null }),
    ).toBe(336_000_000);
  });
  it("grows the count by the pace, capped at the quota, across a tariff change", () => {
    const p = projectedSpend({
      fiscalYear: 2027,
      currentMonth: "2027-05",
      committed: 1000,
      count: 100,
      perWeek: 12,
      quota: 200,
      tariffs: TARIFFS,
      endsOn: "2027-08-15",
    });
    // June: 100 + 12×4.33 = 152 × 16,800; July: 204 → capped 200 × 18,000; August: 200 × 18,000.
    expect(p).toBe(1000 + 152 * 16800 + 200 * 18000 + 200 * 18000);
  });
  it("a regulation starting mid-year projects only from its start month on", () => {
    expect(projectedSpend({ fiscalYear: 2026, currentMonth: "2026-12", committed: 5, count: 10, perWeek: 0, quota: 10, tariffs: TARIFFS, endsOn: null })).toBe(
      5,
    );
  });
  it("says how many more workers the remaining allocation carries to year end", () => {
    // Rp 16.800 × 12 × 20.000 allocated in 2026, November current, 0 committed, nobody yet.
    const allocated = 16800 * 12 * 20000;
    expect(extraWorkersBudgetCarries({ allocated, projected: 0, fiscalYear: 2026, currentMonth: "2026-11", tariffs: TARIFFS, endsOn: null })).toBe(
      Math.floor(allocated / 16800),
    );
    expect(extraWorkersBudgetCarries({ allocated: 100, projected: 200, fiscalYear: 2026, currentMonth: "2026-11", tariffs: TARIFFS, endsOn: null })).toBe(0);
  });
});
