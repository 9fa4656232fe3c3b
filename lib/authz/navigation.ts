import { can, type Permission } from "./permissions";
import type { Role } from "./roles";

const ITEMS: { href: string; label: string; permission: Permission }[] = [
  { href: "/dashboard", label: "Beranda", permission: "dashboard.view" },
  { href: "/workers", label: "Pekerja", permission: "workers.view" },
  { href: "/imports", label: "Impor", permission: "imports.upload" },
  { href: "/verification", label: "Verifikasi", permission: "workers.verify" },
  { href: "/approvals", label: "Persetujuan", permission: "workers.approve" },
  { href: "/regulations", label: "Regulasi", permission: "regulations.view" },
  { href: "/billing", label: "Iuran", permission: "billing.view" },
  { href: "/claims", label: "Klaim", permission: "claims.view" },
  { href: "/reports/quarterly", label: "Laporan", permission: "dashboard.area" },
  { href: "/areas", label: "Wilayah", permission: "areas.view" },
  { href: "/area-settings", label: "Pengaturan", permission: "area.manage" },
  { href: "/audit", label: "Jejak audit", permission: "audit.view" },
  { href: "/admin/users", label: "Pengguna", permission: "users.view" },
  { href: "/admin/offices", label: "Kantor BPJS", permission: "offices.view" },
];

/** Navigation shows only what the role may use. */
export function navigationFor(role: Role) {
  return ITEMS.filter((i) => can(role, i.permission)).map(({ href, label }) => ({ href, label }));
}
