import { expect, test, type Locator, type Page } from "@playwright/test";
import { freshNik, sqlNumber } from "./support/db";
import { as, newOfficerWithQuota, register } from "./support/workers";

// Each role lands on its own dashboard; its figures equal a SQL count of the data. Other spec
// files register workers at the same time, so a page figure and its count are compared until
// both are read between two of their writes (toPass), not once.

const HOLDS = "status in ('diajukan', 'diverifikasi', 'aktif')";
const CIKOKOL =
  "district_code in (select district_code from branch_coverage bc join offices o on o.id = bc.office_id where o.name = 'Kantor Cabang Tangerang Cikokol')";
const num = async (l: Locator) => Number((await l.innerText()).replace(/\./g, "").trim());
const stat = (page: Page, scope: string, label: string) =>
  page
    .getByTestId(scope)
    .locator("div", { has: page.locator("dt", { hasText: new RegExp(`^${label}`) }) })
    .locator("dd");

async function agrees(page: Page, read: () => Promise<number>, count: () => Promise<number>) {
  await expect(async () => {
    await page.reload();
    expect(await read()).toBe(await count());
  }).toPass({ timeout: 30_000 });
}

test("the Kanwil head sees every area of Banten with figures equal to the data, and drills down", async ({ browser }, info) => {
  const page = await as(browser, "kakanwil");
  await page.goto("/dashboard");
  await expect(page.getByTestId("area-row")).toHaveCount(8);
  await expect(page.getByTestId("area-row").filter({ hasText: "Kota Tangerang Selatan" })).toContainText("belum ada regulasi");
  const cell = (code: string, col: number) => page.locator(`[data-testid=area-row][data-code="${code}"] td`).nth(col);
  await agrees(
    page,
    () => num(cell("36.71", 2)),
    () => sqlNumber(`select count(*) as n from workers where regency_code = '36.71' and ${HOLDS}`),
  );
  await agrees(
    page,
    () => num(cell("36.74", 4)),
    () => sqlNumber(`select count(*) as n from workers where regency_code = '36.74' and status = 'daftar_tunggu'`),
  );
  await agrees(
    page,
    () => num(stat(page, "province-totals", "Aktif")),
    () => sqlNumber(`select count(*) as n from workers where regency_code like '36.%' and status = 'aktif'`),
  );
  // The branches side by side: each one's queue equals a count of the kecamatan it serves.
  await agrees(
    page,
    () => num(page.locator("[data-testid=branch-row]", { hasText: "Tangerang Cikokol" }).locator("td").nth(2)),
    () => sqlNumber(`select count(*) as n from workers where ${CIKOKOL} and status = 'diajukan'`),
  );
  await expect(page.getByTestId("budget-card")).toContainText(/Rp [\d,]+ (jt|M) dari Rp [\d,]+ (jt|M)/);
  await page.screenshot({ path: info.outputPath("dasbor-kanwil.png"), fullPage: true });
  // Sorting is a link (the URL keeps it); a row drills down to the area view.
  await page.getByRole("link", { name: "Daftar tunggu" }).click();
  await page.getByRole("link", { name: "Daftar tunggu (urut naik)" }).click();
  await expect(page).toHaveURL(/urut=-tunggu/);
  await expect(page.getByTestId("area-row").first()).toContainText("Kota Tangerang Selatan");
  await page.getByTestId("area-row").getByRole("link", { name: "Kabupaten Tangerang" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Capaian Kabupaten Tangerang");
  // The 10 largest first; "lihat semua" lists the 29.
  await expect(page.getByTestId("district-row")).toHaveCount(10);
  const counts = await page.getByTestId("district-row").locator("td:nth-child(2)").allInnerTexts();
  const n = counts.map((c) => Number(c.replace(/\./g, "")));
  expect([...n].sort((a, b) => b - a)).toEqual(n);
  await page.getByRole("link", { name: "Lihat semua 29 kecamatan" }).click();
  await expect(page.getByTestId("district-row")).toHaveCount(29);
  // No NIK anywhere in the page (its markup, not its concatenated text).
  expect(await page.content()).not.toMatch(/(?<!\d)\d{16}(?!\d)/);
  // The table as CSV, named with area and date, formula-safe numbers.
  await page.goto("/dashboard");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV" }).first().click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("dasbor-wilayah-kantor-wilayah-banten-2026-11-24.csv");
  // The quarterly report: the province's summary first, then one A4 page per area with a figure;
  // the areas without any are named in one line of the summary. Every area is in exactly one of the two.
  await page.goto("/reports/quarterly");
  await expect(page.getByTestId("report-summary")).toContainText("Ringkasan Triwulan III 2026");
  const rows = await page.getByTestId("summary-row").count();
  await expect(page.getByTestId("report-page")).toHaveCount(rows);
  const empty = (await page.getByTestId("summary-empty").count()) ? Number(await page.getByTestId("summary-empty").getAttribute("data-count")) : 0;
  expect(rows + empty).toBe(8);
  const kota = page.getByTestId("report-page").filter({ has: page.getByRole("heading", { name: "Triwulan III 2026 — Kota Tangerang", exact: true }) });
  await expect(kota).toContainText("Keadaan per 30 September 2026");
  // Kop, the previous quarter beside this one, every kecamatan, a signature block.
  await expect(kota.getByTestId("kop")).toContainText("Pemerintah Kota Tangerang");
  await expect(kota.getByRole("columnheader", { name: "Triwulan II 2026 (30 Juni 2026)" })).toBeVisible();
  await expect(kota.getByTestId("report-district")).toHaveCount(13);
  await expect(kota.getByTestId("signature")).toContainText("Mengetahui,");
});

test("a branch head sees only the kecamatan its branch serves, with its queue", async ({ browser }, info) => {
  const page = await as(browser, "kacab");
  // In code order (the table sorts by link; the largest first by default).
  await page.goto("/dashboard?ukec=kode");
  await expect(page.getByTestId("district-row")).toHaveText([/Tangerang/, /Cipondoh/, /Ciledug/, /Pinang/, /Karang Tengah/, /Larangan/]);
  await expect(page.getByTestId("branch-share")).toContainText("Kuota Kota Tangerang: 20.000");
  await expect(page.getByTestId("branch-share")).toContainText("kuota tidak dibagi per cabang");
  await agrees(
    page,
    // The queue heads "Perlu tindakan".
    () =>
      num(
        page
          .getByTestId("work-todo")
          .getByRole("link", { name: /^Menunggu verifikasi/ })
          .locator("span")
          .nth(1),
      ),
    () => sqlNumber(`select count(*) as n from workers where ${CIKOKOL} and status = 'diajukan'`),
  );
  const district = page.getByTestId("district-row").filter({ hasText: "Larangan" }).locator("td");
  await agrees(
    page,
    () => num(district.nth(1)),
    () => sqlNumber(`select count(*) as n from workers where district_code = '36.71.13' and ${HOLDS}`),
  );
  await page.screenshot({ path: info.outputPath("dasbor-cabang.png"), fullPage: true });
  // Area views belong to pemda and Kanwil.
  expect((await page.goto("/dashboard/area/36.71"))?.status()).toBe(403);
});

test("supervisor and admin land on their dashboards; an officer cannot open another area's", async ({ browser }, info) => {
  const sup = await as(browser, "supervisorKab");
  await sup.goto("/dashboard");
  await expect(sup.getByRole("heading", { name: "Capaian Kabupaten Tangerang" })).toBeVisible();
  await agrees(
    sup,
    () => num(stat(sup, "area-totals", "Aktif")),
    () => sqlNumber(`select count(*) as n from workers where regency_code = '36.03' and status = 'aktif'`),
  );
  await sup.screenshot({ path: info.outputPath("dasbor-supervisor.png"), fullPage: true });
  // The supervisor sets who signs; the quarterly report's signature block and kop follow.
  await sup.goto("/area-settings");
  await sup.getByLabel("NIP penanda tangan").fill("1970");
  await sup.getByRole("button", { name: "Simpan pengaturan" }).click();
  await expect(sup.getByLabel("NIP penanda tangan")).toHaveAccessibleDescription(/NIP terdiri dari 18 digit angka/);
  await sup.getByLabel("Nama penanda tangan").fill("Budi Santoso, S.H.");
  await sup.getByLabel("NIP penanda tangan").fill("197001011990031001");
  await sup.getByLabel("Nama dinas").fill("Dinas Ketenagakerjaan");
  await sup.getByRole("button", { name: "Simpan pengaturan" }).click();
  await expect(sup.getByText("Pengaturan wilayah disimpan.")).toBeVisible();
  await sup.goto("/reports/quarterly");
  await expect(sup.getByTestId("report-summary")).toHaveCount(0);
  await expect(sup.getByTestId("kop")).toContainText("Dinas Ketenagakerjaan");
  await expect(sup.getByTestId("signature")).toContainText("Kepala Dinas Ketenagakerjaan");
  await expect(sup.getByTestId("signature")).toContainText("Budi Santoso, S.H.");
  await expect(sup.getByTestId("signature")).toContainText("NIP 197001011990031001");
  await sup.screenshot({ path: info.outputPath("laporan-triwulan-supervisor.png"), fullPage: true });
  expect((await sup.goto("/dashboard/area/36.71"))?.status()).toBe(404);
  const admin = await as(browser, "admin");
  await admin.goto("/dashboard?prov=36");
  await expect(admin.getByTestId("area-row")).toHaveCount(8);
  await agrees(
    admin,
    () => num(admin.getByTestId("system-panel").locator("dd").nth(0)),
    () => sqlNumber(`select count(*) as n from import_batches where status in ('diunggah', 'memvalidasi', 'menerapkan')`),
  );
  await expect(admin.getByTestId("system-panel")).toContainText(/Belum pernah masuk \(\d+ akun aktif\)/);
  await admin.getByLabel("Provinsi", { exact: true }).selectOption({ label: "Jawa Barat" });
  await admin.getByRole("button", { name: "Terapkan" }).click();
  await expect(admin).toHaveURL(/prov=32/);
  await expect(admin.getByTestId("area-row")).toHaveCount(27);
  await admin.screenshot({ path: info.outputPath("dasbor-admin.png"), fullPage: true });
});

test("an officer registers a worker and its dashboard moves by exactly one", async ({ browser }, info) => {
  // Kota Serang: no other spec writes there, so the figures before and after are exact.
  const page = await newOfficerWithQuota(browser, "36.73", 50);
  const counted = () => num(stat(page, "area-totals", "Tercatat"));
  const before = await counted();
  expect(before).toBe(await sqlNumber(`select count(*) as n from workers where regency_code = '36.73' and ${HOLDS}`));
  const district = () => num(page.getByTestId("district-row").filter({ hasText: "Serang" }).first().locator("td").nth(1));
  const districtBefore = await district();
  await register(page, { nik: freshNik("367301"), name: "Pekerja Dasbor", kecamatan: "Serang" });
  await expect(page).toHaveURL(/\/workers\/\d+$/);
  await page.goto("/dashboard");
  expect(await counted()).toBe(before + 1);
  expect(await district()).toBe(districtBefore + 1);
  await expect(page.getByTestId("area-totals")).toContainText("+1");
  await page.screenshot({ path: info.outputPath("dasbor-petugas.png"), fullPage: true });
});

test("the Kanwil's map draws all 8 areas of Banten, each coloured by the class a SQL count gives, linking to its dashboard", async ({ browser }) => {
  const { mapClass } = await import("@/lib/domain/map");
  const page = await as(browser, "kakanwil");
  await page.goto("/dashboard");
  const areas = page.getByTestId("map-area");
  await expect(areas).toHaveCount(8);
  await expect(page.getByTestId("province-map")).toContainText("Batas wilayah: Badan Informasi Geospasial");
  const quotaOf = (code: string) =>
    sqlNumber(`select coalesce(sum(quota), 0) as n from regulations where regency_code = '${code}' and status = 'enacted'
      and starts_on <= '2026-11-24' and (ends_on is null or ends_on >= '2026-11-24')`);
  for (const code of ["36.71", "36.03", "36.74", "36.01"]) {
    await expect(async () => {
      await page.reload();
      const expected = mapClass(await quotaOf(code), await sqlNumber(`select count(*) as n from workers where regency_code = '${code}' and ${HOLDS}`));
      await expect(page.locator(`[data-testid=map-area][data-code="${code}"]`)).toHaveAttribute("data-class", expected);
    }).toPass({ timeout: 30_000 });
  }
  await expect(page.locator('[data-testid=map-area][data-code="36.74"]')).toHaveAttribute("data-class", "tanpa-regulasi");
  // The same map by contributions: each area's class is the share of its holders not in arrears
  // that its own dashboard states (those figures are recounted from paid months in billing.test.ts).
  const { mapClassOf } = await import("@/lib/domain/map");
  await expect(async () => {
    await page.goto("/dashboard/area/36.71");
    const part = await num(page.getByTestId("progress-Tidak menunggak"));
    const whole = await num(page.getByTestId("progress-Tercatat"));
    await page.goto("/dashboard?peta=iuran");
    await expect(page.getByTestId("province-map")).toContainText("tidak ada yang menunggak");
    await expect(page.locator('[data-testid=map-area][data-code="36.71"]')).toHaveAttribute("data-class", mapClassOf(true, part, whole));
  }).toPass({ timeout: 30_000 });
  await expect(page.locator('[data-testid=map-area][data-code="36.74"]')).toHaveAttribute("data-class", "tanpa-regulasi");
  await page.getByTestId("map-measure").getByRole("link", { name: "% kuota terisi" }).click();
  await expect(page).not.toHaveURL(/peta=iuran/);
  await page.locator('[data-testid=map-area][data-code="36.71"]').click();
  await expect(page).toHaveURL(/\/dashboard\/area\/36\.71/);
});
