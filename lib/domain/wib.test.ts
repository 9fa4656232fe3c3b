import { describe, expect, it } from "vitest";
import { addDays, addMonths, dayLabel, monthLabel, monthsBetween, wibDay, daysSince, waitLabel } from "./wib";

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

describe("waiting days", () => {
  it("counts WIB calendar days, never below 0, and says 'hari ini' for the same day", () => {
    // 23.30 WIB on the 23rd is still the 23rd: one day to the 24th.
    expect(daysSince(new Date("2026-11-23T16:30:00Z"), "2026-11-24")).toBe(1);
    // 00.30 WIB on the 24th (17.30 UTC the day before) is the 24th: today.
    expect(daysSince(new Date("2026-11-23T17:30:00Z"), "2026-11-24")).toBe(0);
    expect(daysSince("2026-10-25 03:00:00+00", "2026-11-24")).toBe(30);
    // Written at a moved clock's later instant: not "-1 hari".
    expect(daysSince(new Date("2026-11-26T03:00:00Z"), "2026-11-24")).toBe(0);
    expect(waitLabel(0)).toBe("hari ini");
    expect(waitLabel(1)).toBe("1 hari");
    expect(waitLabel(1234)).toBe("1.234 hari");
  });
});
