import { describe, expect, it } from "vitest";
import { parseDashboardParams, withParams } from "./dashboard";

describe("dashboard URL filters", () => {
  it.each([
    [{}, { fiscalYear: 2026, funder: null, regencyCode: null, provinceCode: null }, "kode"],
    [
      { tahun: "2025", dana: "provinsi", kab: "36.71", prov: "36", urut: "-persen" },
      { fiscalYear: 2025, funder: "provinsi", regencyCode: "36.71", provinceCode: "36" },
      "-persen",
    ],
    // Anything odd falls back to the default instead of failing the page.
    [
      { tahun: "1999", dana: "bank", kab: "36.71'--", prov: "x", urut: "drop" },
      { fiscalYear: 2026, funder: null, regencyCode: null, provinceCode: null },
      "kode",
    ],
    [{ tahun: ["2027", "2025"] }, { fiscalYear: 2027 }, "kode"],
  ])("%o", (sp, filter, sort) => {
    const parsed = parseDashboardParams(sp, 2026);
    expect(parsed.filter).toMatchObject(filter);
    expect(parsed.sort).toBe(sort);
  });
  it("changes some parameters and keeps the rest", () => {
    expect(withParams({ tahun: "2026", urut: "nama" }, { urut: null, kab: "36.71" })).toBe("?tahun=2026&kab=36.71");
    expect(withParams({}, {})).toBe("");
  });
});
