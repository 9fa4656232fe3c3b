import { describe, expect, it } from "vitest";
import { validateRow, type RowContext } from "./validate-row";

const ctx: RowContext = {
  areas: { provinces: new Set(["36"]), regencies: new Set(["36.71"]), districts: new Set(["36.71.05"]) },
  regencyCode: "36.71",
  districts: new Set(["36.71.05"]),
  villages: new Set(["36.71.05.1001"]),
  occupations: new Map([["pedagang", 1]]),
  today: "2026-11-24",
  policy: { minAgeMonths: 216, maxAgeMonths: 779 },
};
// A man born 12 March 1985 in Cipondoh.
const NIK = "3671051203850001";
const row = (extra: Record<string, string> = {}) => ({
  nik: NIK,
  nama: "Contoh Pekerja",
  kode_kecamatan: "36.71.05",
  kode_kelurahan: "36.71.05.1001",
  ahli_waris_nama: "Ahli Waris",
  ahli_waris_hubungan: "istri",
  ...extra,
});

describe("validateRow: birth date and sex against the NIK", () => {
  it.each([
    ["nothing typed: taken from the NIK", {}, "valid", [], { birthDate: "1985-03-12", sex: "L" }],
    ["typed and agreeing", { tanggal_lahir: "12/03/1985", jenis_kelamin: "L" }, "valid", [], { birthDate: "1985-03-12", sex: "L" }],
    [
      "another birth date: kept as typed, flagged",
      { tanggal_lahir: "1985-03-13" },
      "valid",
      [{ column: "tanggal_lahir", message: "Tanggal lahir 1985-03-13 berbeda dengan NIK (1985-03-12)." }],
      { birthDate: "1985-03-13", sex: "L" },
    ],
    [
      "another sex: kept as typed, flagged",
      { jenis_kelamin: "Perempuan" },
      "valid",
      [{ column: "jenis_kelamin", message: "Jenis kelamin P berbeda dengan NIK (L)." }],
      { birthDate: "1985-03-12", sex: "P" },
    ],
    [
      "both differ on an incomplete row: a flagged draft",
      { tanggal_lahir: "1985-03-13", jenis_kelamin: "P", ahli_waris_nama: "" },
      "tidak_lengkap",
      [
        { column: "tanggal_lahir", message: "Tanggal lahir 1985-03-13 berbeda dengan NIK (1985-03-12)." },
        { column: "jenis_kelamin", message: "Jenis kelamin P berbeda dengan NIK (L)." },
      ],
      { birthDate: "1985-03-13", sex: "P" },
    ],
  ])("%s", (_, extra, outcome, warnings, clean) => {
    const v = validateRow(row(extra), ctx);
    expect(v.outcome).toBe(outcome);
    expect(v.errors).toEqual([]);
    expect(v.warnings).toEqual(warnings);
    expect(v.clean).toMatchObject(clean);
  });

  it("a flagged birth date out of the age rule is still an error", () => {
    const v = validateRow(row({ tanggal_lahir: "2015-03-12" }), ctx);
    expect(v.outcome).toBe("galat");
    expect(v.errors.map((e) => e.column)).toEqual(["tanggal_lahir"]);
  });

  it("an unreadable birth date is an error, not a warning", () => {
    const v = validateRow(row({ tanggal_lahir: "12 Maret 1985" }), ctx);
    expect(v.outcome).toBe("galat");
    expect(v.warnings).toEqual([]);
  });
});
