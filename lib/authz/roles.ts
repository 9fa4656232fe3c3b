export const ROLES = ["admin", "petugas", "supervisor", "kepala_cabang", "kepala_wilayah"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  petugas: "Petugas",
  supervisor: "Supervisor",
  kepala_cabang: "Kepala Kantor Cabang",
  kepala_wilayah: "Kepala Kantor Wilayah",
};

/** Roles bound to one kabupaten/kota (pemda staff). */
export const AREA_ROLES: readonly Role[] = ["petugas", "supervisor"];
/** Roles bound to a BPJS office. */
export const OFFICE_ROLES: readonly Role[] = ["kepala_cabang", "kepala_wilayah"];

/**
 * Roles that must sign in with a second factor (TOTP): they approve, confirm money and see a whole
 * province. Officers may turn it on for themselves.
 */
export const MFA_REQUIRED_ROLES: readonly Role[] = ["admin", "supervisor", "kepala_cabang", "kepala_wilayah"];
