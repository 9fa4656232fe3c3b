import { describe, expect, it } from "vitest";
import { amendmentSchema, budgetSchema, regulationSchema } from "./regulations";

const valid = {
  type: "perwal",
  issuer: "kabkota",
  title: "Perwal pekerja rentan",
  startsOn: "2027-01-01",
  endsOn: "",
  quota: "20.000",
  minAgeYears: "18",
  maxAgeYears: "64",
  maxAgeExtraMonths: "11",
};

const errorsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe("regulation form validation", () => {
  it("accepts Indonesian thousands separators and an open end", () => {
    const r = regulationSchema.safeParse(valid);
    expect(r.success && r.data).toMatchObject({ quota: 20000, endsOn: null });
  });
  it.each([
    [{ quota: "-5" }, "quota", "Kuota minimal 1."],
    [{ quota: "dua puluh" }, "quota", "Kuota harus berupa angka bulat."],
    [{ endsOn: "2026-12-31" }, "endsOn", "Tanggal akhir tidak boleh sebelum tanggal mulai."],
    [{ startsOn: "2027-02-30" }, "startsOn", "Tanggal mulai berlaku bukan tanggal yang ada di kalender."],
    [{ maxAgeYears: "17" }, "maxAgeYears", "Usia maksimal harus di atas usia minimal."],
    [{ type: "perdes" }, "villageCodes", "Peraturan desa harus menyebut desa yang dicakup."],
  ])("%o → %s: %s", (patch, field, message) => {
    expect(errorsOf(regulationSchema.safeParse({ ...valid, ...patch }))[field]).toBe(message);
  });
  it("refuses a budget that is not a number and an amendment that changes nothing", () => {
    expect(errorsOf(budgetSchema.safeParse({ regulationId: "1", fiscalYear: "2026", allocated: "banyak", monthsCovered: "12" })).allocated).toBe(
      "Anggaran harus berupa angka bulat.",
    );
    expect(
      errorsOf(
        amendmentSchema.safeParse({ regulationId: "1", title: "Perubahan pertama", newQuota: "", newEndsOn: "", budgetFiscalYear: "", budgetAllocated: "" }),
      ).title,
    ).toBe("Perubahan harus mengubah kuota, tanggal akhir, atau anggaran.");
  });
});
