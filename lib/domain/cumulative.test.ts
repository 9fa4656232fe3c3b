import { describe, expect, it } from "vitest";
import { projectToYearEnd, splitYears } from "./cumulative";

describe("projectToYearEnd", () => {
  it.each([
    ["no pace", { last: { month: "2026-11", value: 100 }, perWeek: 0, quota: 1000 }, []],
    ["no quota", { last: { month: "2026-11", value: 100 }, perWeek: 10, quota: 0 }, []],
    ["quota already full", { last: { month: "2026-11", value: 1000 }, perWeek: 10, quota: 1000 }, []],
    ["December: nothing left to project", { last: { month: "2026-12", value: 100 }, perWeek: 10, quota: 1000 }, []],
    [
      "12 a week is 52 a month, to December",
      { last: { month: "2026-10", value: 100 }, perWeek: 12, quota: 1000 },
      [
        { month: "2026-10", value: 100 },
        { month: "2026-11", value: 152 },
        { month: "2026-12", value: 204 },
      ],
    ],
    [
      "capped at the quota, and stops there",
      { last: { month: "2026-09", value: 950 }, perWeek: 12, quota: 1000 },
      [
        { month: "2026-09", value: 950 },
        { month: "2026-10", value: 1000 },
      ],
    ],
  ])("%s", (_, args, expected) => expect(projectToYearEnd(args)).toEqual(expected));
});

describe("splitYears", () => {
  it("puts each month-end value in its year", () => {
    const rows = [{ month: "2025-12" }, { month: "2026-01" }, { month: "2026-02" }];
    expect(splitYears(rows, 2026)).toEqual({ current: [{ month: "2026-01" }, { month: "2026-02" }], previous: [{ month: "2025-12" }] });
  });
});
