import { describe, expect, it } from "vitest";
import { periodOf, periodsDue } from "./periods";

describe("periods of scheduled jobs", () => {
  it("names the day or the month", () => {
    expect(periodOf("day", "2026-12-01")).toBe("2026-12-01");
    expect(periodOf("month", "2026-12-16")).toBe("2026-12");
  });
  it.each([
    ["month", null, "2026-12", ["2026-12"]],
    ["month", "2026-12", "2026-12", []],
    ["month", "2026-10", "2027-01", ["2026-11", "2026-12", "2027-01"]],
    ["day", "2026-11-29", "2026-12-01", ["2026-11-30", "2026-12-01"]],
    ["day", "2026-12-01", "2026-11-30", []],
  ] as const)("%s after %s up to %s", (kind, last, current, due) => {
    expect(periodsDue(kind, last, current)).toEqual(due);
  });
  it("keeps only the newest periods past the cap", () => {
    expect(periodsDue("day", "2026-01-01", "2026-12-31", 3)).toEqual(["2026-12-29", "2026-12-30", "2026-12-31"]);
  });
});
