import type { Page } from "@playwright/test";

export const DEMO_PASSWORD = "rentan-demo-2026";

export const ACCOUNTS = {
  admin: {
    email: "admin@portal.test",
    badge: "Admin · Seluruh Indonesia",
    nav: ["Beranda", "Pekerja", "Regulasi", "Iuran", "Klaim", "Laporan", "Wilayah", "Pengguna", "Kantor BPJS"],
  },
  petugasKota: {
    email: "petugas.kotatangerang@portal.test",
    badge: "Petugas · Kota Tangerang",
    nav: ["Beranda", "Pekerja", "Impor", "Regulasi", "Iuran", "Klaim", "Laporan", "Wilayah"],
  },
  supervisorKota: {
    email: "supervisor.kotatangerang@portal.test",
    badge: "Supervisor · Kota Tangerang",
    nav: ["Beranda", "Pekerja", "Impor", "Persetujuan", "Regulasi", "Iuran", "Klaim", "Laporan", "Wilayah", "Pengaturan", "Jejak audit"],
  },
  petugasKab: {
    email: "petugas.kabtangerang@portal.test",
    badge: "Petugas · Kabupaten Tangerang",
    nav: ["Beranda", "Pekerja", "Impor", "Regulasi", "Iuran", "Klaim", "Laporan", "Wilayah"],
  },
  supervisorKab: {
    email: "supervisor.kabtangerang@portal.test",
    badge: "Supervisor · Kabupaten Tangerang",
    nav: ["Beranda", "Pekerja", "Impor", "Persetujuan", "Regulasi", "Iuran", "Klaim", "Laporan", "Wilayah", "Pengaturan", "Jejak audit"],
  },
  kacab: {
    email: "kacab.cikokol@portal.test",
    badge: "Kepala Kantor Cabang · Kantor Cabang Tangerang Cikokol",
    nav: ["Beranda", "Pekerja", "Verifikasi", "Regulasi", "Iuran", "Klaim", "Wilayah", "Kantor BPJS"],
  },
  kakanwil: {
    email: "kakanwil.banten@portal.test",
    badge: "Kepala Kantor Wilayah · Kantor Wilayah Banten",
    nav: ["Beranda", "Pekerja", "Regulasi", "Iuran", "Klaim", "Laporan", "Wilayah", "Kantor BPJS"],
  },
} as const;

export type AccountKey = keyof typeof ACCOUNTS;

/** Where each role's logged-in session is saved by auth.setup.ts and reused by the specs. */
export const stateFile = (key: AccountKey) => `e2e/.auth/${key}.json`;

export async function fillLogin(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}
