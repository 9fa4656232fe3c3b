import { sql, type SQL, type AnyColumn } from "drizzle-orm";
import type { Role } from "./roles";

/** The part of the country a viewer may see. */
export type Scope =
  { kind: "national" } | { kind: "province"; provinceCode: string } | { kind: "regency"; regencyCode: string } | { kind: "branch"; officeId: number };

export type ScopeSubject = {
  role: Role;
  regencyCode: string | null;
  officeId: number | null;
  provinceCode: string | null;
};

export function scopeOf(v: ScopeSubject): Scope {
  switch (v.role) {
    case "admin":
      return { kind: "national" };
    case "petugas":
    case "supervisor":
      if (!v.regencyCode) throw new Error("Pengguna pemda tanpa kabupaten/kota");
      return { kind: "regency", regencyCode: v.regencyCode };
    case "kepala_cabang":
      if (v.officeId == null) throw new Error("Kepala cabang tanpa kantor");
      return { kind: "branch", officeId: v.officeId };
    case "kepala_wilayah":
      if (!v.provinceCode) throw new Error("Kepala wilayah tanpa provinsi");
      return { kind: "province", provinceCode: v.provinceCode };
  }
}

type Col = AnyColumn | SQL;

/**
 * A `where` fragment limiting rows keyed by a kecamatan code (dotted, e.g. 36.71.05) to the
 * scope. Branch scope goes through branch_coverage at query time, so a coverage change
 * re-scopes every query at once.
 */
export function districtInScope(scope: Scope, districtCode: Col): SQL {
  switch (scope.kind) {
    case "national":
      return sql`true`;
    case "province":
      return sql`left(${districtCode}, 2) = ${scope.provinceCode}`;
    case "regency":
      return sql`left(${districtCode}, 5) = ${scope.regencyCode}`;
    case "branch":
      return sql`${districtCode} in (select bc.district_code from branch_coverage bc where bc.office_id = ${scope.officeId})`;
  }
}

/** A `where` fragment for rows keyed by a kabupaten/kota code (e.g. 36.71). */
export function regencyInScope(scope: Scope, regencyCode: Col): SQL {
  switch (scope.kind) {
    case "national":
      return sql`true`;
    case "province":
      return sql`left(${regencyCode}, 2) = ${scope.provinceCode}`;
    case "regency":
      return sql`${regencyCode} = ${scope.regencyCode}`;
    case "branch":
      return sql`${regencyCode} in (select left(bc.district_code, 5) from branch_coverage bc where bc.office_id = ${scope.officeId})`;
  }
}

/**
 * Rows that belong to a kabupaten/kota and may have a kecamatan (e.g. workers, whose drafts may
 * lack one): pemda and Kanwil scopes go by the area, a branch by the kecamatan it serves.
 */
export function enrollmentInScope(scope: Scope, regencyCode: Col, districtCode: Col): SQL {
  return scope.kind === "branch" ? districtInScope(scope, districtCode) : regencyInScope(scope, regencyCode);
}

/**
 * Bills and their payment parts: a pemda or Kanwil scope by the regulation's area, a branch by the
 * office the bill belongs to (a bill stays with the branch that drafted it, whatever coverage says later).
 */
export function billInScope(scope: Scope, regencyCode: Col, officeId: Col): SQL {
  return scope.kind === "branch" ? sql`${officeId} = ${scope.officeId}` : regencyInScope(scope, regencyCode);
}
