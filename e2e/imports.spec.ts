import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { freshNik, sqlNumber } from "./support/db";
import { as } from "./support/workers";

// Bulk import through the browser: the officer uploads a CSV (the worker validates it in the
// background), downloads the rows to fix, and the area's supervisor commits (maker-checker).

/** Chooses `file` on /imports, uploads it and waits until the worker has validated it. */
async function uploadValidated(page: Page, file: string) {
  await page.goto("/imports");
  await page.getByLabel(/Berkas daftar pekerja/).setInputFiles(file);
  await expect(page.getByTestId("drop-zone")).toContainText(`Dipilih: ${path.basename(file)}`);
  await page.getByRole("button", { name: "Unggah dan validasi" }).click();
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("import-status")).toHaveText("Tervalidasi, menunggu diterapkan", { timeout: 30_000 });
}

test("an officer uploads a worker list, fixes nothing it cannot, and the supervisor commits it", async ({ browser }, info) => {
  test.setTimeout(120_000);
  const good = [freshNik("367102"), freshNik("367102")];
  const csv = [
    "nik;nama;kode_kecamatan;kode_kelurahan;ahli_waris_nama;ahli_waris_hubungan;warna",
    `${good[0]};Impor Satu;36.71.02;36.71.02.1001;Ani;istri;biru`,
    `${good[1]};Impor Dua;367102;3671021001;Budi;suami;merah`,
    `12345;Salah NIK;36.71.02;36.71.02.1001;Cici;anak;hijau`,
  ].join("\n");
  const file = info.outputPath("daftar-impor.csv");
  fs.writeFileSync(file, csv);

  const officer = await as(browser, "petugasKota");
  await uploadValidated(officer, file);
  await expect(officer.getByTestId("import-notes")).toContainText("Kolom tidak dikenal diabaikan: warna.");
  const summary = officer.getByTestId("import-summary");
  await expect(summary.locator("div", { hasText: /^Baris valid dan lengkap/ }).locator("dd")).toHaveText("2");
  await expect(summary.locator("div", { hasText: /^Baris dengan kesalahan/ }).locator("dd")).toHaveText("1");
  await expect(officer.getByText("Di wilayah ini impor diterapkan oleh supervisor")).toBeVisible();
  // The rows to fix, with the reason.
  const download = officer.waitForEvent("download");
  await officer.getByRole("link", { name: "CSV" }).click();
  const errors = fs.readFileSync(await (await download).path(), "utf8");
  expect(errors).toContain("kesalahan");
  expect(errors).toContain("NIK harus 16 digit (tertulis 5 digit).");
  await officer.screenshot({ path: info.outputPath("impor-tervalidasi.png"), fullPage: true });

  const supervisor = await as(browser, "supervisorKota");
  await supervisor.goto(officer.url());
  await supervisor.getByRole("button", { name: "Terapkan impor" }).click();
  await expect(supervisor.getByTestId("import-status")).toHaveText("Selesai", { timeout: 30_000 });
  expect(await sqlNumber(`select count(*) as n from workers where nik in ('${good[0]}', '${good[1]}') and status in ('diajukan', 'daftar_tunggu')`)).toBe(2);
  await supervisor.screenshot({ path: info.outputPath("impor-selesai.png"), fullPage: true });

  // The same file again opens the same import.
  const url = officer.url();
  await officer.goto("/imports");
  await officer.getByLabel(/Berkas daftar pekerja/).setInputFiles(file);
  await officer.getByRole("button", { name: "Unggah dan validasi" }).click();
  await expect(officer).toHaveURL(url);
  // A picture is not a worker list: the message is next to the field.
  await officer.goto("/imports");
  const png = info.outputPath("foto.png");
  fs.writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  await officer.getByLabel(/Berkas daftar pekerja/).setInputFiles(png);
  await officer.getByRole("button", { name: "Unggah dan validasi" }).click();
  await expect(officer.locator("#f-berkas-err")).toHaveText("Jenis berkas tidak didukung: unggah CSV atau XLSX (Excel).");
  await expect(officer.getByLabel(/Berkas daftar pekerja/)).toHaveAttribute("aria-invalid", "true");
});

test("a row whose birth date differs from its NIK is imported flagged; the supervisor decides before applying", async ({ browser }, info) => {
  test.setTimeout(90_000);
  // freshNik: a man born 31 December 1999; the second row says the 30th.
  const [good, flagged] = [freshNik("367103"), freshNik("367103")];
  const csv = [
    "nik,nama,tanggal_lahir,kode_kecamatan,kode_kelurahan,ahli_waris_nama,ahli_waris_hubungan",
    `${good},Impor Cocok,31/12/1999,36.71.03,36.71.03.1001,Ani,istri`,
    `${flagged},Impor Bertanda,30/12/1999,36.71.03,36.71.03.1001,Budi,suami`,
  ].join("\n");
  const file = info.outputPath("daftar-bertanda.csv");
  fs.writeFileSync(file, csv);
  const sup = await as(browser, "supervisorKota");
  await uploadValidated(sup, file);
  const summary = sup.getByTestId("import-summary");
  await expect(summary.locator("div", { hasText: /^Baris valid dan lengkap/ }).locator("dd")).toHaveText("2");
  await expect(summary.locator("div", { hasText: /^Bertanda/ }).locator("dd")).toHaveText("1");
  // No decision, no commit: said next to the choice.
  await sup.getByRole("button", { name: "Terapkan impor" }).click();
  await expect(sup.locator("#flagged-error")).toHaveText(/Pilih dulu apa yang dilakukan dengan 1 baris bertanda/);
  await sup.getByLabel(/Impor juga, sesuai yang tertulis di berkas/).check();
  await sup.getByRole("button", { name: "Terapkan impor" }).click();
  await expect(sup.getByTestId("import-status")).toHaveText("Selesai", { timeout: 30_000 });
  expect(await sqlNumber(`select count(*) as n from workers where nik = '${flagged}' and birth_date = '1999-12-30' and status <> 'draft'`)).toBe(1);
});
