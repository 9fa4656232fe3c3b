import { describe, expect, it } from "vitest";
import { ageInMonths, compareWithNik, isAgeEligible, maskNik, ageInYears, parseNik } from "./nik";

const AREAS = { provinces: new Set(["36", "32"]), regencies: new Set(["36.71", "36.03"]), districts: new Set(["36.71.05", "36.03.01"]) };
const TODAY = "2026-11-24";

describe("parseNik", () => {
  it.each([
    // man born 12 March 1985 in Cipondoh
    ["3671051203850001", { birthDate: "1985-03-12", sex: "L", districtCode: "36.71.05", warnings: [] }],
    // woman: day + 40 → 12 March 1985
    ["3671055203850002", { birthDate: "1985-03-12", sex: "P" }],
    // spaces and dots typed by people are stripped
    ["3671.05 120385 0001", { nik: "3671051203850001" }],
    // 2000s birth: 01 Jan 2004
    ["3603014101040003", { birthDate: "2004-01-01", sex: "P" }],
    // leap day 29 Feb 2000
    ["3603012902000004", { birthDate: "2000-02-29" }],
  ])("%s parses", (nik, expected) => {
    const r = parseNik(nik, AREAS, TODAY);
    expect(r.ok && r.value).toMatchObject(expected);
  });

  it.each([
    ["367105120385000", "NIK harus 16 digit (tertulis 15 digit)."],
    ["36710512038500011", "NIK harus 16 digit (tertulis 17 digit)."],
    ["36710512038500O1", "NIK hanya boleh berisi angka."],
    ["9971051203850001", "Kode provinsi 99 pada NIK tidak dikenal."],
    ["3671053102850001", "Tanggal lahir pada NIK (digit 7–12) bukan tanggal yang valid."],
    ["3671052902010001", "Tanggal lahir pada NIK (digit 7–12) bukan tanggal yang valid."], // 2001 not a leap year
    ["3671050013850001", "Tanggal lahir pada NIK (digit 7–12) bukan tanggal yang valid."],
    ["3671057203850001", "Tanggal lahir pada NIK (digit 7–12) bukan tanggal yang valid."], // day 72 - 40 = 32
    ["3671051203850000", "Nomor urut NIK (4 digit terakhir) tidak boleh 0000."],
  ])("%s → %s", (nik, error) => {
    expect(parseNik(nik, AREAS, TODAY)).toEqual({ ok: false, error });
  });

  it("warns, does not reject, for an unknown kabupaten/kota or kecamatan", () => {
    const r1 = parseNik("3699051203850001", AREAS, TODAY);
    expect(r1.ok && r1.value.warnings).toEqual(["Kode kabupaten/kota 36.99 pada NIK tidak dikenal (wilayah mungkin sudah dimekarkan)."]);
    const r2 = parseNik("3671991203850001", AREAS, TODAY);
    expect(r2.ok && r2.value.warnings).toEqual(["Kode kecamatan 36.71.99 pada NIK tidak dikenal (kecamatan mungkin sudah dimekarkan)."]);
  });
});

describe("compareWithNik", () => {
  it("warns when typed birth date or sex disagree", () => {
    expect(compareWithNik({ birthDate: "1985-03-12", sex: "L" }, { birthDate: "1985-03-12", sex: "L" })).toEqual([]);
    expect(compareWithNik({ birthDate: "1985-03-12", sex: "L" }, { birthDate: "1985-03-13", sex: "P" })).toHaveLength(2);
  });
});

describe("age and masking", () => {
  it.each([
    ["2008-11-24", "2026-11-24", 216],
    ["2008-11-25", "2026-11-24", 215],
    ["1961-12-25", "2026-11-24", 778],
  ])("born %s, on %s: %i months", (b, d, m) => {
    expect(ageInMonths(b, d)).toBe(m);
  });
  it("applies 18 up to 64 years 11 months", () => {
    const rule = { minAgeMonths: 216, maxAgeMonths: 779 };
    expect(isAgeEligible("2008-11-24", "2026-11-24", rule)).toBe(true);
    expect(isAgeEligible("2008-11-25", "2026-11-24", rule)).toBe(false);
    expect(isAgeEligible("1961-11-25", "2026-11-24", rule)).toBe(true); // 64 y 11 m
    expect(isAgeEligible("1961-11-24", "2026-11-24", rule)).toBe(false); // 65
  });
  it("masks all but the six region digits: no birth date, no serial", () => {
    expect(maskNik("3671051203850001")).toBe("367105••••••••••");
    expect(maskNik("3671051203850001")).not.toMatch(/0001|120385/);
    expect(maskNik("12345")).toBe("••••");
  });
  it("gives whole years of age", () => {
    expect(ageInYears("1985-03-12", "2026-11-24")).toBe(41);
    expect(ageInYears("2008-11-25", "2026-11-24")).toBe(17);
  });
});
