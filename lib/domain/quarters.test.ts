import { describe, expect, it } from "vitest";
import { previousQuarterKey, quarterKeyOf, quarterOf, reportDay, reportQuarters } from "./quarters";

describe("quarters", () => {
  it.each([
    ["2026-Q1", "2026-01-01", "2026-03-31", "Triwulan I 2026"],
    ["2026-Q2", "2026-04-01", "2026-06-30", "Triwulan II 2026"],
    ["2026-Q3", "2026-07-01", "2026-09-30", "Triwulan III 2026"],
    ["2024-Q1", "2024-01-01", "2024-03-31", "Triwulan I 2024"],
    ["2026-Q4", "2026-10-01", "2026-12-31", "Triwulan IV 2026"],
  ])("%s runs %s to %s", (key, start, end, label) => {
    expect(quarterOf(key)).toMatchObject({ start, end, label });
  });
  it("rejects what is not a quarter", () => {
    expect(quarterOf("2026-Q5")).toBeNull();
    expect(quarterOf("2026-3")).toBeNull();
  });
  it.each([
    ["2026-01-01", "2026-Q1"],
    ["2026-03-31", "2026-Q1"],
    ["2026-04-01", "2026-Q2"],
    ["2026-11-24", "2026-Q4"],
  ])("%s is in %s", (day, key) => expect(quarterKeyOf(day)).toBe(key));
  it("steps back over a year end", () => {
    expect(previousQuarterKey("2026-Q1")).toBe("2025-Q4");
    expect(reportQuarters("2026-11-24", 3)).toEqual(["2026-Q4", "2026-Q3", "2026-Q2", "2026-Q1"]);
  });
  it("takes a past quarter at its last day and the current one at today", () => {
    expect(reportDay("2026-Q3", "2026-11-24")).toBe("2026-09-30");
    expect(reportDay("2026-Q4", "2026-11-24")).toBe("2026-11-24");
  });
});
