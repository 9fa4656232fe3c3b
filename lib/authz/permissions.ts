import type { Role } from "./roles";

const ALL: readonly Role[] = ["admin", "petugas", "supervisor", "kepala_cabang", "kepala_wilayah"];

/**
 * Who may do what: action key → roles. Which rows they reach is the scope's business
 * (lib/authz/scope.ts); this table only says whether the action exists for the role.
 */
export const PERMISSIONS = {
  "dashboard.view": ALL,
  "dashboard.province": ["admin", "kepala_wilayah"],
  "dashboard.area": ["admin", "petugas", "supervisor", "kepala_wilayah"],
  "dashboard.branch": ["kepala_cabang"],
  "areas.view": ALL,
  "account.changePassword": ALL,
  "account.security": ALL,
  "offices.view": ["admin", "kepala_cabang", "kepala_wilayah"],
  "offices.manage": ["admin"],
  "users.view": ["admin"],
  "users.manage": ["admin"],
  "regulations.view": ALL,
  "regulations.manage": ["admin", "supervisor"],
  "area.manage": ["supervisor"],
  "audit.view": ["supervisor"],
  "workers.view": ALL,
  "workers.register": ["petugas", "supervisor"],
  "workers.approve": ["supervisor"],
  "workers.end": ["petugas", "supervisor"],
  // A death is recorded once, by the area or by the branch the heirs go to.
  "deaths.record": ["petugas", "supervisor", "kepala_cabang"],
  // Heirs: kept by the area, and by the branch the heirs come to with a claim.
  "heirs.manage": ["petugas", "supervisor", "kepala_cabang"],
  "workers.verify": ["kepala_cabang"],
  "workers.revealNik": ["petugas", "supervisor", "kepala_cabang"],
  "workers.export": ["petugas", "supervisor", "kepala_cabang"],
  // Contributions (iuran): bills and SP2D payments.
  "billing.view": ALL,
  "billing.draft": ["supervisor"],
  "billing.issue": ["kepala_cabang"],
  // Unissued bills by the supervisor, issued ones by the branch head (checked in lib/data).
  "billing.void": ["supervisor", "kepala_cabang"],
  "payments.record": ["supervisor"],
  "payments.confirm": ["kepala_cabang"],
  "reconciliation.upload": ["kepala_cabang"],
  // Past the rejoin window BPJS treats a return as a new registration: the branch head's call.
  "contributions.reactivate": ["kepala_cabang"],
  // Benefits: the area and the branch open cases (heirs go to either); BPJS's steps are the branch head's.
  "claims.view": ALL,
  "claims.open": ["petugas", "supervisor", "kepala_cabang"],
  "claims.decide": ["kepala_cabang"],
  "imports.upload": ["petugas", "supervisor"],
  // Supervisors commit; an officer too when the area works in one step (checked in lib/data).
  "imports.commit": ["petugas", "supervisor"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export class ForbiddenError extends Error {
  constructor(public readonly permission: Permission) {
    super("Anda tidak berwenang melakukan tindakan ini.");
    this.name = "ForbiddenError";
  }
}

export function assertCan(role: Role, permission: Permission): void {
  if (!can(role, permission)) throw new ForbiddenError(permission);
}
