import { describe, expect, it } from "vitest";
import { navigationFor } from "./navigation";
import { assertCan, can, ForbiddenError, PERMISSIONS, type Permission } from "./permissions";
import { ROLES, type Role } from "./roles";

// The expected table, written out independently of PERMISSIONS: a change to who may do what
// must change this test too.
const EXPECTED: Record<Permission, Role[]> = {
  "dashboard.view": ["admin", "petugas", "supervisor", "kepala_cabang", "kepala_wilayah"],
  "dashboard.province": ["admin", "kepala_wilayah"],
  "dashboard.area": ["admin", "petugas", "supervisor", "kepala_wilayah"],
  "dashboard.branch": ["kepala_cabang"],
  "imports.upload": ["petugas", "supervisor"],
  "imports.commit": ["petugas", "supervisor"],
  "areas.view": ["admin", "petugas", "supervisor", "kepala_cabang", "kepala_wilayah"],
  "account.changePassword": ["admin", "petugas", "supervisor", "kepala_cabang", "kepala_wilayah"],
  "account.security": ["admin", "petugas", "supervisor", "kepala_cabang", "kepala_wilayah"],
  "offices.view": ["admin", "kepala_cabang", "kepala_wilayah"],
  "offices.manage": ["admin"],
  "users.view": ["admin"],
  "users.manage": ["admin"],
  "regulations.view": ["admin", "petugas", "supervisor", "kepala_cabang", "kepala_wilayah"],
  "regulations.manage": ["admin", "supervisor"],
  "area.manage": ["supervisor"],
  "audit.view": ["supervisor"],
  "workers.view": ["admin", "petugas", "supervisor", "kepala_cabang", "kepala_wilayah"],
  "workers.register": ["petugas", "supervisor"],
  "workers.approve": ["supervisor"],
  "workers.end": ["petugas", "supervisor"],
  "heirs.manage": ["petugas", "supervisor", "kepala_cabang"],
  "deaths.record": ["petugas", "supervisor", "kepala_cabang"],
  "workers.verify": ["kepala_cabang"],
  "workers.revealNik": ["petugas", "supervisor", "kepala_cabang"],
  "workers.export": ["petugas", "supervisor", "kepala_cabang"],
  "billing.view": ["admin", "petugas", "supervisor", "kepala_cabang", "kepala_wilayah"],
  "billing.draft": ["supervisor"],
  "billing.issue": ["kepala_cabang"],
  "billing.void": ["supervisor", "kepala_cabang"],
  "payments.record": ["supervisor"],
  "payments.confirm": ["kepala_cabang"],
  "reconciliation.upload": ["kepala_cabang"],
  "contributions.reactivate": ["kepala_cabang"],
  "claims.view": ["admin", "petugas", "supervisor", "kepala_cabang", "kepala_wilayah"],
  "claims.open": ["petugas", "supervisor", "kepala_cabang"],
  "claims.decide": ["kepala_cabang"],
};

describe("permission table", () => {
  it("lists exactly the expected actions", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [permission, allowed] of Object.entries(EXPECTED) as [Permission, Role[]][]) {
    for (const role of ROLES) {
      const expected = allowed.includes(role);
      it(`${role} ${expected ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(expected);
        if (expected) expect(() => assertCan(role, permission)).not.toThrow();
        else expect(() => assertCan(role, permission)).toThrow(ForbiddenError);
      });
    }
  }

  it("shows each role only the navigation it may use", () => {
    expect(navigationFor("petugas").map((i) => i.href)).toEqual([
      "/dashboard",
      "/workers",
      "/imports",
      "/regulations",
      "/billing",
      "/claims",
      "/reports/quarterly",
      "/areas",
    ]);
    expect(navigationFor("supervisor").map((i) => i.href)).toEqual([
      "/dashboard",
      "/workers",
      "/imports",
      "/approvals",
      "/regulations",
      "/billing",
      "/claims",
      "/reports/quarterly",
      "/areas",
      "/area-settings",
      "/audit",
    ]);
    expect(navigationFor("kepala_cabang").map((i) => i.href)).toEqual([
      "/dashboard",
      "/workers",
      "/verification",
      "/regulations",
      "/billing",
      "/claims",
      "/areas",
      "/admin/offices",
    ]);
    expect(navigationFor("admin").map((i) => i.href)).toEqual([
      "/dashboard",
      "/workers",
      "/regulations",
      "/billing",
      "/claims",
      "/reports/quarterly",
      "/areas",
      "/admin/users",
      "/admin/offices",
    ]);
  });
});
