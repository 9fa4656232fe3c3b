import { expect, type Browser, type Page } from "@playwright/test";
import { fillLogin, stateFile, type AccountKey } from "./accounts";
import { createEnactedRegulation, createTestUser } from "./db";

/** A page logged in as a demo role (session saved by auth.setup.ts). */
export async function as(browser: Browser, key: AccountKey): Promise<Page> {
  return (await browser.newContext({ storageState: stateFile(key) })).newPage();
}

/** Registers and submits a worker through /workers/new, as an officer would. */
export async function register(page: Page, w: { nik: string; name: string; kecamatan: string }) {
  await page.goto("/workers/new");
  await page.getByLabel("NIK", { exact: true }).fill(w.nik);
  await page.getByLabel("Nama lengkap").fill(w.name);
  await page.getByLabel("Alamat").fill("Jl. Melati No. 3");
  await page.getByLabel("Kecamatan").selectOption({ label: w.kecamatan });
  await page.getByLabel("Kelurahan/Desa").selectOption({ index: 1 });
  await page.getByLabel("Nama ahli waris", { exact: true }).fill("Sri Wahyuni");
  await page.getByLabel("Hubungan ahli waris").selectOption("istri");
  await page.getByRole("button", { name: "Simpan", exact: true }).click();
}

/**
 * A fresh officer of an area no other spec writes to, with an enacted regulation of `quota`,
 * logged in on its dashboard: figures before and after an action are then exact.
 */
export async function newOfficerWithQuota(browser: Browser, regencyCode: string, quota: number): Promise<Page> {
  const email = `petugas.${regencyCode.replace(".", "")}.${Date.now()}@portal.test`;
  await createTestUser(email, "kata-sandi-uji-123", regencyCode);
  await createEnactedRegulation(regencyCode, quota);
  const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await fillLogin(page, email, "kata-sandi-uji-123");
  await expect(page).toHaveURL(/\/dashboard$/);
  return page;
}
