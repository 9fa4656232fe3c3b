import { describe, expect, it } from "vitest";
import { accidentReportDeadline, canMoveClaim, requiredDocuments, schoolYearOf } from "./claims";

describe("claim rules", () => {
  it("the JKK report is due 2 × 24 hours after the accident: hours left, met, missed", () => {
    const at = new Date("2026-11-20T02:00:00Z");
    expect(accidentReportDeadline(at, null, new Date("2026-11-21T02:30:00Z"))).toMatchObject({ met: null, hoursLeft: 24 });
    expect(accidentReportDeadline(at, new Date("2026-11-22T02:00:00Z"), new Date("2026-11-25T00:00:00Z"))).toMatchObject({ met: true });
    expect(accidentReportDeadline(at, new Date("2026-11-22T02:00:01Z"), new Date("2026-11-25T00:00:00Z"))).toMatchObject({ met: false });
    expect(accidentReportDeadline(at, null, new Date("2026-11-22T02:00:01Z"))).toMatchObject({ met: false, hoursLeft: null });
  });

  it("statuses move forward only; paid and refused are final", () => {
    expect(canMoveClaim("dilaporkan", "dokumen_lengkap")).toBe(true);
    expect(canMoveClaim("diajukan", "ditetapkan")).toBe(true);
    expect(canMoveClaim("ditetapkan", "dibayar")).toBe(true);
    expect(canMoveClaim("dilaporkan", "dibayar")).toBe(false);
    expect(canMoveClaim("dibayar", "ditolak")).toBe(false);
    expect(canMoveClaim("ditolak", "diajukan")).toBe(false);
  });

  it("documents per type: JKK needs the accident report, a death the death certificate", () => {
    expect(requiredDocuments("jkk", "perawatan")).toContain("laporan_kecelakaan");
    expect(requiredDocuments("jkk", "kematian")).toEqual(expect.arrayContaining(["laporan_kecelakaan", "akta_kematian", "surat_ahli_waris"]));
    expect(requiredDocuments("jkm", null)).toContain("akta_kematian");
    expect(requiredDocuments("jkm", null)).not.toContain("laporan_kecelakaan");
  });

  it.each([
    ["2026-07-01", "2026/2027"],
    ["2026-06-30", "2025/2026"],
    ["2027-01-15", "2026/2027"],
  ])("%s is in school year %s", (day, year) => {
    expect(schoolYearOf(day)).toBe(year);
  });
});
