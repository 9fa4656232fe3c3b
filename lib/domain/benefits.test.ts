import { describe, expect, it } from "vitest";
import { computeBenefit, membershipMonths, type Rates } from "./benefits";

// The rates of DOMAIN.md (Permenaker 5/2021, PP 82/2019), as the seed stores them.
const RATES: Rates = {
  jkm_lump_sum: 20_000_000,
  jkm_periodic: 12_000_000,
  jkm_funeral: 10_000_000,
  jkm_limited: 10_000_000,
  jkm_limited_months: 3,
  jkk_death_multiplier: 48,
  jkk_insured_income: 1_000_000,
  jkk_funeral: 10_000_000,
  jkk_periodic: 12_000_000,
  beasiswa_min_months: 36,
  beasiswa_children: 2,
  beasiswa_tk_sd: 1_500_000,
  beasiswa_smp: 2_000_000,
  beasiswa_sma: 3_000_000,
  beasiswa_pt: 12_000_000,
  beasiswa_cap: 174_000_000,
  beasiswa_max_age: 23,
};

describe("membership months", () => {
  it.each([
    ["2026-01-10", "2026-04-09", 2],
    ["2026-01-10", "2026-04-10", 3],
    ["2026-01-31", "2026-04-30", 2],
    ["2026-01-31", "2026-05-01", 3],
    ["2026-03-01", "2026-03-01", 0],
    ["2024-02-29", "2025-02-28", 11],
    ["2024-02-29", "2025-03-01", 12],
  ])("%s to %s is %i", (start, event, n) => {
    expect(membershipMonths(start, event)).toBe(n);
  });
});

describe("what a claim is worth", () => {
  it("JKM after three months of membership: Rp 42.000.000 in three components", () => {
    const r = computeBenefit({ type: "jkm", rates: RATES, membershipStart: "2026-01-05", eventDate: "2026-11-20", masaIur: 11 });
    expect(r).toMatchObject({
      kind: "amount",
      total: 42_000_000,
      childrenEligible: false,
      components: [
        { code: "santunan_sekaligus", amount: 20_000_000 },
        { code: "santunan_berkala", amount: 12_000_000 },
        { code: "biaya_pemakaman", amount: 10_000_000 },
      ],
    });
  });

  it.each([
    ["2026-09-20", "2026-12-19", 10_000_000],
    ["2026-09-20", "2026-12-20", 42_000_000],
  ])("JKM: a member since %s who dies on %s gets %i", (start, event, total) => {
    expect(computeBenefit({ type: "jkm", rates: RATES, membershipStart: start, eventDate: event, masaIur: 3 })).toMatchObject({ total });
  });

  it("JKM: three years of masa iur make children eligible for beasiswa, across moves", () => {
    expect(computeBenefit({ type: "jkm", rates: RATES, membershipStart: "2026-01-01", eventDate: "2026-11-20", masaIur: 35 }).childrenEligible).toBe(false);
    expect(computeBenefit({ type: "jkm", rates: RATES, membershipStart: "2026-01-01", eventDate: "2026-11-20", masaIur: 36 }).childrenEligible).toBe(true);
  });

  it("JKK death: 48 × the insured income (whatever was declared), at least the JKM amount, plus funeral and periodic", () => {
    const r = computeBenefit({ type: "jkk", jkkKind: "kematian", rates: RATES, membershipStart: "2026-11-01", eventDate: "2026-11-02", masaIur: 0 });
    expect(r).toMatchObject({ kind: "amount", total: 70_000_000, childrenEligible: true });
    if (r.kind === "amount") expect(r.components[0]).toEqual({ code: "santunan_kematian_jkk", amount: 48_000_000 });
    // A lower insured income is lifted to the JKM amount.
    const low = computeBenefit({
      type: "jkk",
      jkkKind: "kematian",
      rates: { ...RATES, jkk_insured_income: 500_000 },
      membershipStart: "2026-11-01",
      eventDate: "2026-11-02",
      masaIur: 0,
    });
    if (low.kind === "amount") expect(low.components[0]!.amount).toBe(42_000_000);
  });

  it("JKK care, STMB and disability are set by BPJS; total disability makes children eligible", () => {
    for (const k of ["perawatan", "stmb", "cacat"] as const)
      expect(computeBenefit({ type: "jkk", jkkKind: k, rates: RATES, membershipStart: "2026-01-01", eventDate: "2026-11-02", masaIur: 5 })).toEqual({
        kind: "by_penetapan",
        childrenEligible: false,
        note: expect.any(String),
      });
    expect(
      computeBenefit({ type: "jkk", jkkKind: "cacat_total", rates: RATES, membershipStart: "2026-01-01", eventDate: "2026-11-02", masaIur: 5 })
        .childrenEligible,
    ).toBe(true);
  });

  it.each([
    ["tk_sd", 0, 1_500_000],
    ["smp", 0, 2_000_000],
    ["sma", 0, 3_000_000],
    ["pt", 0, 12_000_000],
    ["pt", 170_000_000, 4_000_000],
    ["sma", 174_000_000, 0],
  ] as const)("beasiswa %s with %i already paid: %i", (level, alreadyPaid, total) => {
    expect(
      computeBenefit({ type: "beasiswa", rates: RATES, membershipStart: "2020-01-01", eventDate: "2026-07-15", masaIur: 40, school: { level, alreadyPaid } }),
    ).toMatchObject({ total });
  });
});
