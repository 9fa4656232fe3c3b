import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { districtInScope, enrollmentInScope, regencyInScope, scopeOf, type ScopeSubject } from "./scope";

const dialect = new PgDialect();
const render = (s: ReturnType<typeof districtInScope>) => {
  const { sql: text, params } = dialect.sqlToQuery(s);
  return { sql: text, params };
};
const col = sql.raw("w.district_code");

const subject = (over: Partial<ScopeSubject>): ScopeSubject => ({ role: "admin", regencyCode: null, officeId: null, provinceCode: null, ...over });

describe("scopeOf", () => {
  it.each([
    [subject({ role: "admin" }), { kind: "national" }],
    [subject({ role: "petugas", regencyCode: "36.71", provinceCode: "36" }), { kind: "regency", regencyCode: "36.71" }],
    [subject({ role: "supervisor", regencyCode: "36.03", provinceCode: "36" }), { kind: "regency", regencyCode: "36.03" }],
    [subject({ role: "kepala_cabang", officeId: 2, provinceCode: "36" }), { kind: "branch", officeId: 2 }],
    [subject({ role: "kepala_wilayah", officeId: 1, provinceCode: "36" }), { kind: "province", provinceCode: "36" }],
  ])("%o → %o", (s, expected) => {
    expect(scopeOf(s)).toEqual(expected);
  });

  it("refuses a pemda user without an area and a BPJS head without an office", () => {
    expect(() => scopeOf(subject({ role: "petugas" }))).toThrow();
    expect(() => scopeOf(subject({ role: "kepala_cabang" }))).toThrow();
    expect(() => scopeOf(subject({ role: "kepala_wilayah" }))).toThrow();
  });
});

describe("districtInScope", () => {
  it("national scope adds no condition", () => {
    expect(render(districtInScope({ kind: "national" }, col))).toEqual({ sql: "true", params: [] });
  });
  it("province scope compares the first two digits", () => {
    expect(render(districtInScope({ kind: "province", provinceCode: "36" }, col))).toEqual({ sql: "left(w.district_code, 2) = $1", params: ["36"] });
  });
  it("regency scope compares the kabupaten/kota prefix", () => {
    expect(render(districtInScope({ kind: "regency", regencyCode: "36.71" }, col))).toEqual({ sql: "left(w.district_code, 5) = $1", params: ["36.71"] });
  });
  it("branch scope reads branch_coverage at query time (a coverage change re-scopes at once)", () => {
    const q = render(districtInScope({ kind: "branch", officeId: 7 }, col));
    expect(q.sql).toBe("w.district_code in (select bc.district_code from branch_coverage bc where bc.office_id = $1)");
    expect(q.params).toEqual([7]);
  });
});

describe("regencyInScope", () => {
  const rcol = sql.raw("r.code");
  it("maps each scope to a kabupaten/kota condition", () => {
    expect(render(regencyInScope({ kind: "national" }, rcol)).sql).toBe("true");
    expect(render(regencyInScope({ kind: "regency", regencyCode: "36.71" }, rcol))).toEqual({ sql: "r.code = $1", params: ["36.71"] });
    expect(render(regencyInScope({ kind: "province", provinceCode: "36" }, rcol))).toEqual({ sql: "left(r.code, 2) = $1", params: ["36"] });
    expect(render(regencyInScope({ kind: "branch", officeId: 3 }, rcol)).sql).toBe(
      "r.code in (select left(bc.district_code, 5) from branch_coverage bc where bc.office_id = $1)",
    );
  });
});

describe("enrollmentInScope", () => {
  const r = sql.raw("w.regency_code");
  const d = sql.raw("w.district_code");
  it("uses the area for pemda and Kanwil, the kecamatan for a branch", () => {
    expect(render(enrollmentInScope({ kind: "regency", regencyCode: "36.71" }, r, d))).toEqual({ sql: "w.regency_code = $1", params: ["36.71"] });
    expect(render(enrollmentInScope({ kind: "province", provinceCode: "36" }, r, d))).toEqual({ sql: "left(w.regency_code, 2) = $1", params: ["36"] });
    expect(render(enrollmentInScope({ kind: "branch", officeId: 2 }, r, d)).sql).toBe(
      "w.district_code in (select bc.district_code from branch_coverage bc where bc.office_id = $1)",
    );
    expect(render(enrollmentInScope({ kind: "national" }, r, d)).sql).toBe("true");
  });
});
