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

/**
 * Logs in through the page. Accounts with a second factor get the code step; the code is read from
 * the login page's demo aid (shown in demo and test mode only) and typed like a user would.
 */
export async function fillLogin(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  const code = page.getByLabel("Kode autentikator");
  const settled = code.or(page.getByTestId("form-message")).or(page.getByTestId("viewer-badge")).or(page.getByLabel("Kata sandi saat ini"));
  await settled.first().waitFor();
  if (!(await code.isVisible())) return;
  // Each code works once: a third login of one account within a minute waits for a fresh one.
  if (!(await page.getByTestId("demo-code").isVisible())) {
    await page.waitForTimeout(31_000);
    return fillLogin(page, email, password);
  }
  await typeDemoCode(page);
}

/** Types the code the demo aid shows into the second login step. */
export async function typeDemoCode(page: Page) {
  const shown = await page.getByTestId("demo-code").locator("strong").textContent();
  await page.getByLabel("Kode autentikator").fill(shown ?? "");
  await page.getByRole("button", { name: "Lanjut" }).click();
  await page.getByTestId("viewer-badge").or(page.getByTestId("form-message")).or(page.getByLabel("Kata sandi saat ini")).first().waitFor();
}
