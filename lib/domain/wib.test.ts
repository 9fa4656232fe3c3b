import { describe, expect, it } from "vitest";
import { addDays, addMonths, dayLabel, monthLabel, monthsBetween, wibDay } from "./wib";

describe("WIB calendar", () => {
  it("puts 17:00 UTC on the next WIB day and month", () => {
    expect(wibDay(new Date("2026-12-31T16:59:59Z"))).toBe("2026-12-31");
    expect(wibDay(new Date("2026-12-31T17:00:00Z"))).toBe("2027-01-01");
    expect(wibDay("2026-12-31 17:00:00.5+00")).toBe("2027-01-01");
  });
  it("does month and day arithmetic across years and leap days", () => {
    expect(addMonths("2026-11", 2)).toBe("2027-01");
    expect(addMonths("2027-01", -1)).toBe("2026-12");
    expect(monthsBetween("2026-11", "2027-01")).toBe(3);
    expect(monthsBetween("2027-01", "2026-11")).toBe(0);
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
  });
  it("labels in Indonesian", () => {
    expect(monthLabel("2027-03")).toBe("Maret 2027");
    expect(dayLabel("2026-11-24")).toBe("24 November 2026");
  });
});
