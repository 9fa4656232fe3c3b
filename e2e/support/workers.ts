import { type Browser, type Page } from "@playwright/test";
import { stateFile, type AccountKey } from "./accounts";

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
