import { describe, expect, it } from "vitest";
import { collapseForDay, contributionState, kpiWeight, lastDueMonth, stateFromSummary, summarize } from "./contribution-state";
import { addMonths } from "./wib";

const months = (from: string, to: string) => {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
};
const state = (paid: string[], day: string, startMonth = "2026-01", lateStart = false, grace = 3, rejoin = 3) =>
  contributionState({ paid, startMonth, lateStart, day, grace, rejoin });

describe("contribution state on a day", () => {
  it.each([
    // [paid, day, expected]
    [months("2026-01", "2026-11"), "2026-11-24", { kind: "lunas" }],
    [months("2026-01", "2026-10"), "2026-11-15", { kind: "belum_jatuh_tempo" }],
    [months("2026-01", "2026-10"), "2026-11-16", { kind: "menunggak", months: 1 }],
    [months("2026-01", "2026-10"), "2026-11-30", { kind: "menunggak", months: 1 }],
    // WIB month end: 31 December still December, 1 January a new month not yet due.
    [months("2026-01", "2026-12"), "2026-12-31", { kind: "lunas" }],
    [months("2026-01", "2026-12"), "2027-01-01", { kind: "belum_jatuh_tempo" }],
    // Batuceper in the demo: the last two due months unpaid.
    [months("2026-01", "2026-09"), "2026-11-24", { kind: "menunggak", months: 2 }],
    // December to March unpaid, G = 3: nonaktif from 16 March.
    [months("2026-01", "2026-11"), "2027-03-15", { kind: "menunggak", months: 3 }],
    [months("2026-01", "2026-11"), "2027-03-16", { kind: "nonaktif", months: 4, lapsed: false }],
    // Leap year: 29 February 2028 is after the 15th.
    [months("2026-01", "2028-01"), "2028-02-29", { kind: "menunggak", months: 1 }],
    [months("2026-01", "2028-01"), "2028-02-15", { kind: "belum_jatuh_tempo" }],
  ] as const)("%#: paid to %s on %s", (paid, day, expected) => {
    expect(state([...paid], day)).toEqual(expected);
  });

  it("a gap a reversal left counts as arrears, the later months stay paid", () => {
    const paid = months("2026-01", "2026-11").filter((m) => m !== "2026-06");
    expect(state(paid, "2026-11-24")).toEqual({ kind: "menunggak", months: 1 });
    const long = months("2026-01", "2026-11").filter((m) => m < "2026-04" || m > "2026-07");
    expect(state(long, "2026-11-24")).toEqual({ kind: "nonaktif", months: 4, lapsed: false });
  });

  it("a late payment of the arrears makes the person lunas again", () => {
    const before = months("2026-01", "2026-07");
    expect(state(before, "2026-11-24").kind).toBe("nonaktif");
    expect(state(months("2026-01", "2026-11"), "2026-11-24")).toEqual({ kind: "lunas" });
  });

  it("the rejoin window: nonaktif for up to R months can still be paid back, longer is lapsed", () => {
    // December to March unpaid, G = 3: nonaktif from 16 March; R = 3: lapsed from 16 June (the run passes G + R = 6).
    const paid = months("2026-01", "2026-11");
    expect(state(paid, "2027-06-15")).toEqual({ kind: "nonaktif", months: 6, lapsed: false });
    expect(state(paid, "2027-06-16")).toEqual({ kind: "nonaktif", months: 7, lapsed: true });
    expect(state(paid, "2027-06-16", "2026-01", false, 3, 0).kind).toBe("nonaktif");
    expect(state(paid, "2027-03-16", "2026-01", false, 3, 0)).toEqual({ kind: "nonaktif", months: 4, lapsed: true });
    // An old gap longer than G + R stays lapsed even when later months are paid.
    const gap = months("2026-01", "2026-11").filter((m) => m < "2026-02" || m > "2026-08");
    expect(state(gap, "2026-11-24")).toEqual({ kind: "nonaktif", months: 7, lapsed: true });
    // A reactivation restarts the membership: months before it are no longer due.
    expect(state(paid, "2027-07-20", "2027-07", true)).toEqual({ kind: "belum_jatuh_tempo" });
  });

  it("a mid-month start: on or before the 15th the month is due that month, after it with the next", () => {
    expect(state([], "2026-11-16", "2026-11", false)).toEqual({ kind: "menunggak", months: 1 });
    expect(state([], "2026-11-24", "2026-11", true)).toEqual({ kind: "belum_jatuh_tempo" });
    expect(state([], "2026-12-15", "2026-11", true)).toEqual({ kind: "belum_jatuh_tempo" });
    expect(state([], "2026-12-16", "2026-11", true)).toEqual({ kind: "menunggak", months: 2 });
    expect(lastDueMonth("2026-12-16", "2026-11", true)).toBe("2026-12");
  });

  it("months paid before a move or a new membership count for masa iur, not for the state", () => {
    const s = summarize([...months("2025-01", "2025-12"), ...months("2026-06", "2026-11")], "2026-06", false);
    expect(s.masaIur).toBe(18);
    expect(stateFromSummary(s, "2026-11-24", { grace: 3, rejoin: 3 })).toEqual({ kind: "lunas" });
  });

  it("the summary door and the set door agree on random histories and days", () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const start = addMonths("2025-01", Math.floor(rnd() * 24));
      const lateStart = rnd() < 0.3;
      const day = `${addMonths(start, Math.floor(rnd() * 14))}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`;
      const paid = months(start, day.slice(0, 7)).filter(() => rnd() < 0.8);
      const grace = 1 + Math.floor(rnd() * 4);
      const rejoin = Math.floor(rnd() * 4);
      const viaSet = contributionState({ paid, startMonth: start, lateStart, day, grace, rejoin });
      // The summary as the database keeps it: recomputed from the paid months here.
      const viaSummary = stateFromSummary(summarize(paid, start, lateStart), day, { grace, rejoin });
      expect(viaSummary).toEqual(viaSet);
      // The dashboards' grouping of old start months changes no state.
      expect(stateFromSummary(collapseForDay(summarize(paid, start, lateStart), day), day, { grace, rejoin })).toEqual(viaSet);
      // A brute-force count of the unpaid due months.
      const due = months(start, lastDueMonth(day, start, lateStart));
      const unpaid = due.filter((m) => !paid.includes(m)).length;
      if (viaSet.kind === "menunggak" || viaSet.kind === "nonaktif") expect(viaSet.months).toBe(unpaid);
      // A brute-force longest run of unpaid due months decides nonaktif and lapsed.
      let run = 0;
      let longest = 0;
      for (const m of due) longest = Math.max(longest, (run = paid.includes(m) ? 0 : run + 1));
      expect(viaSet.kind === "nonaktif").toBe(longest > grace);
      if (viaSet.kind === "nonaktif") expect(viaSet.lapsed).toBe(longest > grace + rejoin);
      if (viaSet.kind !== "menunggak" && viaSet.kind !== "nonaktif") expect(unpaid).toBe(0);
    }
  });

  it("the KPI weighs masa iur up to six months", () => {
    expect(kpiWeight(3)).toBe(0.5);
    expect(kpiWeight(12)).toBe(1);
  });
});
