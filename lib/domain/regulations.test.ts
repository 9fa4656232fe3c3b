import { describe, expect, it } from "vitest";
import { canTransition, forecastQuota, isInForce, pacePerWeek, quotaSummary, type RegulationStatus } from "./regulations";

describe("lifecycle", () => {
  it.each<[RegulationStatus, RegulationStatus, boolean]>([
    ["draft", "review", true],
    ["draft", "enacted", false],
    ["review", "draft", true],
    ["review", "enacted", true],
    ["enacted", "ended", true],
    ["enacted", "draft", false],
    ["ended", "enacted", false],
    ["draft", "ended", false],
  ])("%s → %s allowed: %s", (from, to, ok) => {
    expect(canTransition(from, to)).toBe(ok);
  });
});

describe("isInForce", () => {
  const r = { status: "enacted" as const, startsOn: "2026-01-01", endsOn: "2026-12-31" };
  it.each([
    ["2025-12-31", false],
    ["2026-01-01", true],
    ["2026-12-31", true],
    ["2027-01-01", false],
  ])("on %s: %s", (day, expected) => {
    expect(isInForce(r, day)).toBe(expected);
  });
  it("needs enactment, and an open end runs forever", () => {
    expect(isInForce({ ...r, status: "review" }, "2026-06-01")).toBe(false);
    expect(isInForce({ ...r, endsOn: null }, "2040-01-01")).toBe(true);
  });
});

describe("quota and forecast", () => {
  it("summarises places", () => {
    expect(quotaSummary({ quota: 20000, counted: 5000, active: 4000, waiting: 10 })).toMatchObject({ remaining: 15000, percent: 25 });
    expect(quotaSummary({ quota: 3, counted: 3, active: 0, waiting: 2 })).toMatchObject({ remaining: 0, percent: 100 });
  });
  it.each([
    // 15,000 left at 1,000/week → 105 days after 24 Nov 2026 → 9 Mar 2027.
    [
      { remaining: 15000, perWeek: 1000, today: "2026-11-24", endsOn: null },
      { kind: "month", month: "2027-03" },
    ],
    [{ remaining: 15000, perWeek: 1000, today: "2026-11-24", endsOn: "2026-12-31" }, { kind: "not-in-period" }],
    [{ remaining: 0, perWeek: 0, today: "2026-11-24", endsOn: null }, { kind: "full" }],
    [{ remaining: 10, perWeek: 0, today: "2026-11-24", endsOn: null }, { kind: "no-pace" }],
    // Leap day: 1 place at 7/week is one day after 28 Feb 2028 → 29 Feb 2028.
    [
      { remaining: 1, perWeek: 7, today: "2028-02-28", endsOn: "2028-02-29" },
      { kind: "month", month: "2028-02" },
    ],
    // More than ten years away at this pace is said so, not dated (19,067 at 2/week ≈ 183 years).
    [{ remaining: 19067, perWeek: 2, today: "2026-11-24", endsOn: null }, { kind: "far" }],
    [
      { remaining: 1040, perWeek: 2, today: "2026-11-24", endsOn: null },
      { kind: "month", month: "2036-11" },
    ],
  ])("%o → %o", (args, expected) => {
    expect(forecastQuota(args)).toEqual(expected);
  });
  it("averages pace over four weeks; an empty history has no pace", () => {
    expect(pacePerWeek(400)).toBe(100);
    expect(pacePerWeek(0)).toBe(0);
  });
});
