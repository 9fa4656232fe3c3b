import { expect, test, type Page } from "@playwright/test";
import { freshNik, liveWorkerOf, sqlNumber } from "./support/db";
import { as, newOfficerWithQuota, register } from "./support/workers";
import { q } from "./support/clock";

/** The branch head ticks one worker in the verification queue and verifies it. */
async function verifyInQueue(branch: Page, name: string, kecamatan = "Tangerang") {
  // The queue is 50 a page, oldest first: the new worker's kecamatan narrows it to one page.
  await branch.goto("/verification");
  await branch.getByLabel("Kecamatan").selectOption({ label: kecamatan });
  await branch.getByRole("button", { name: "Saring" }).click();
  await branch.getByRole("checkbox", { name: `Pilih ${name}` }).check();
  await branch.getByRole("button", { name: "Verifikasi yang dipilih" }).click();
  await expect(branch.getByText("1 pekerja diverifikasi.")).toBeVisible();
}

test.describe.configure({ mode: "serial" });

test("officer registers, branch verifies and records the KPJ, officer sees the worker aktif; other areas cannot reach it", async ({ browser }) => {
  test.setTimeout(180_000);
  const nik = freshNik();
  const name = `Budi Santoso ${Date.now()}`;
  const officer = await as(browser, "petugasKota");

  // Typing a valid NIK fills birth date and sex.
  await officer.goto("/workers/new");
  await officer.getByLabel("NIK", { exact: true }).fill(nik);
  await expect(officer.getByLabel("Tanggal lahir")).toHaveValue("1999-12-31");
  await expect(officer.getByLabel("Jenis kelamin")).toHaveValue("L");

  await register(officer, { nik, name, kecamatan: "Tangerang" });
  await expect(officer).toHaveURL(/\/workers\/\d+$/);
  const url = new URL(officer.url()).pathname;
  expect(url).not.toContain(nik);
  await expect(officer.getByRole("main").locator("header")).toContainText("Diajukan");

  const branch = await as(browser, "kacab");
  await verifyInQueue(branch, name);
  await branch.goto(url);
  const kpj = String(Date.now()).slice(-11);
  await branch.getByLabel("Nomor KPJ").fill(kpj);
  await branch.getByRole("button", { name: "Catat KPJ" }).click();
  await expect(branch.getByRole("main").locator("header")).toContainText("Aktif");
  await expect(branch.getByText(`${kpj}, mulai 24 November 2026`)).toBeVisible();

  await officer.reload();
  await expect(officer.getByRole("main").locator("header")).toContainText("Aktif");
  await expect(officer.getByTestId("nik")).toHaveText(/^3671\d{2}••••••••••$/);
  await officer.getByRole("button", { name: "Tampilkan NIK" }).click();
  await expect(officer.getByTestId("nik")).toHaveText(nik);
  // The proof of enrolment the officer prints and hands over: KPJ, coverage start, NIK masked.
  await officer.getByRole("link", { name: "Cetak surat keterangan kepesertaan" }).click();
  const letter = officer.getByTestId("surat-kepesertaan");
  await expect(letter.getByRole("heading", { name: "Surat Keterangan Kepesertaan" })).toBeVisible();
  await expect(letter).toContainText(`Nomor KPJ: ${kpj}`);
  await expect(letter).toContainText("Mulai kepesertaan: 24 November 2026");
  await expect(letter).toContainText(/NIK: 3671\d{2}••••••••••/);
  await expect(letter).not.toContainText(nik);
  // Another area's officer: 404.
  const kab = await as(browser, "petugasKab");
  await kab.goto(`${url}/letter`);
  await expect(kab.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
  await officer.goto(url);
  // The processing record lists the branch's verification and the NIK reveal, with WIB times.
  const record = await (await officer.request.get(`/api/workers/${url.split("/").pop()}/processing-record`)).text();
  expect(record).toContain("worker.reveal_nik");
  expect(record).toContain("Diajukan → Diverifikasi");
  expect(record).toContain("WIB");
  expect(record).not.toContain(nik);

  // The area's supervisor reads the trail: the reveal is there, the NIK is not.
  const supervisor = await as(browser, "supervisorKota");
  await supervisor.goto("/audit");
  const entry = supervisor.getByRole("row").filter({ hasText: "worker.reveal_nik" }).filter({ hasText: name }).first();
  await expect(entry).toContainText(/3671\d{2}••••••••••/);
  await expect(supervisor.getByRole("main")).not.toContainText(nik);

  // Another area: not found by URL, and the NIK is refused with where it is enrolled.
  const other = await as(browser, "petugasKab");
  const res = await other.goto(url);
  expect(res?.status()).toBe(404);
  await register(other, { nik, name: "Budi Lain", kecamatan: "Balaraja" });
  await expect(
    other.getByText("NIK ini sudah terdaftar di Kota Tangerang. Minta yang bersangkutan mengakhiri kepesertaannya di sana terlebih dahulu.").first(),
  ).toBeVisible();
  await expect(other.getByLabel("Nama lengkap")).toHaveValue("Budi Lain");

  // A forged server-action call with the Kota Tangerang worker's id from a Kabupaten Tangerang page.
  const sup = await as(browser, "supervisorKab");
  await sup.goto(`/workers/${await liveWorkerOf("36.03")}`);
  await sup.locator('form:has(select[name="reason"]) input[name="workerId"]').evaluate((el, v) => ((el as HTMLInputElement).value = v), url.split("/").pop()!);
  await sup.getByLabel("Alasan berakhir").selectOption("meninggal");
  await sup.getByRole("button", { name: "Akhiri kepesertaan" }).click();
  await expect(sup.getByText("Pekerja tidak ditemukan.")).toBeVisible();
  await officer.reload();
  await expect(officer.getByRole("main").locator("header")).toContainText("Aktif");

  // The name of an aktif worker changes only when the branch approves the correction.
  await officer.goto(`${url}/edit`);
  await officer.getByLabel("Nama lengkap").fill(`${name} Koreksi`);
  await officer.getByLabel("Alamat").fill("Jl. Kenanga No. 9");
  await officer.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(officer).toHaveURL(new RegExp(`${url}$`));
  await expect(officer.getByText(/Menunggu keputusan kantor cabang sejak .* WIB: nama/)).toBeVisible();
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(officer.getByText("Jl. Kenanga No. 9", { exact: false })).toBeVisible();
  await branch.goto("/verification");
  const request = branch.getByTestId("correction-request").filter({ hasText: name });
  await expect(request).toContainText(`${name} Koreksi`);
  await request.getByRole("button", { name: "Setujui koreksi" }).click();
  // The decided request leaves the list (its form goes with it).
  await expect(request).toHaveCount(0);
  await officer.reload();
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText(`${name} Koreksi`);
  await expect(officer.getByTestId("worker-history")).toContainText("Koreksi identitas disetujui kantor cabang (nama)");
});

test("with a full quota a new worker waits, and is promoted when a place frees", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await newOfficerWithQuota(browser, "36.72", 1);

  await register(page, { nik: freshNik("367201"), name: "Pekerja Pertama", kecamatan: "Cilegon" });
  await expect(page.getByRole("main").locator("header")).toContainText("Diajukan");
  const first = page.url();
  await register(page, { nik: freshNik("367201"), name: "Pekerja Kedua", kecamatan: "Cilegon" });
  await expect(page.getByRole("main").locator("header")).toContainText("Daftar tunggu");
  const second = page.url();

  await page.goto(first);
  await page.getByLabel("Alasan berakhir").selectOption("mengundurkan_diri");
  await page.getByRole("button", { name: "Akhiri kepesertaan" }).click();
  await expect(page.getByRole("main").locator("header")).toContainText("Berakhir");
  await page.goto(second);
  await expect(page.getByRole("main").locator("header")).toContainText("Diajukan");
  await expect(page.getByTestId("worker-history")).toContainText("Naik dari daftar tunggu");
});

test("the supervisor puts a provincial share first; registrations fill it and the forecast month is exact", async ({ browser }) => {
  test.setTimeout(180_000);
  const sup = await as(browser, "supervisorKota");
  const title = `Pergub bagian Kota Tangerang ${Date.now()}`;
  await sup.goto("/regulations/new");
  await sup.getByLabel("Jenis regulasi").selectOption("pergub");
  await sup.getByLabel("Penerbit / penyandang dana").selectOption("provinsi");
  await sup.getByLabel("Judul").fill(title);
  await sup.getByLabel("Mulai berlaku").fill("2026-01-01");
  await sup.getByLabel("Kuota pekerja").fill("20");
  await sup.getByRole("button", { name: "Simpan draf" }).click();
  await expect(sup).toHaveURL(/\/regulations\/\d+$/);
  const regUrl = sup.url();
  await sup.getByRole("button", { name: "Ajukan harmonisasi" }).click();
  await sup.getByLabel("Nomor regulasi").fill("Pergub Uji 5/2026");
  await sup.getByRole("button", { name: "Tetapkan", exact: true }).click();
  await expect(sup.getByRole("main").locator("header")).toContainText("Ditetapkan");
  await sup.getByLabel("Judul perubahan").fill("Tambah bagian kuota");
  await sup.getByLabel("Kuota baru (opsional)").fill("25");
  await sup.getByRole("button", { name: "Buat draf perubahan" }).click();
  await sup.getByLabel("Nomor perubahan").fill("Pergub Uji 6/2026");
  await sup.getByRole("button", { name: "Tetapkan perubahan" }).click();
  await expect(sup.getByText("Tambah bagian kuota Ditetapkan")).toBeVisible();

  // The funder order is a list moved with buttons (keyboard and pointer alike).
  await sup.goto("/area-settings");
  await sup.getByRole("button", { name: "Naikkan Pemerintah provinsi (APBD provinsi)" }).click();
  await expect(sup.getByTestId("funder-order").locator("li").first()).toContainText("Pemerintah provinsi");
  await sup.getByRole("button", { name: "Simpan pengaturan" }).click();
  await expect(sup.getByText("Pengaturan wilayah disimpan.")).toBeVisible();
  try {
    for (const name of ["Ani Pergub", "Dedi Pergub"]) {
      await register(sup, { nik: freshNik(), name, kecamatan: "Tangerang" });
      await expect(sup.getByRole("main").locator("header")).toContainText("Diajukan");
    }
    await sup.goto(regUrl);
    await expect(sup.locator("dt", { hasText: "Terhitung" }).locator("+ dd")).toHaveText("2");
    // 23 places left at 2 per 4 weeks (0,5 a week): 322 days after 24 November 2026 → 12 October 2027.
    await expect(sup.getByTestId("forecast")).toHaveText("Kuota terpenuhi sekitar Oktober 2027.");
  } finally {
    await sup.goto("/area-settings");
    await sup.getByRole("button", { name: "Naikkan Pemerintah kabupaten/kota (APBD kab/kota)" }).click();
    await expect(sup.getByTestId("funder-order").locator("li").first()).toContainText("Pemerintah kabupaten/kota");
    await sup.getByRole("button", { name: "Simpan pengaturan" }).click();
    await expect(sup.getByText("Pengaturan wilayah disimpan.")).toBeVisible();
  }
});

test("the area's export is formula-safe, named with area and date, and holds only its own workers", async ({ browser }) => {
  const officer = await as(browser, "petugasKota");
  const nik = freshNik();
  await register(officer, { nik, name: '=HYPERLINK("http://contoh.test","klik")', kecamatan: "Tangerang" });
  await expect(officer).toHaveURL(/\/workers\/\d+$/);
  // The name is searched by POST: it is kept in a cookie, never in the URL, and the export follows it.
  await officer.goto("/workers");
  await officer.getByLabel("Nama atau NIK").fill("HYPERLINK");
  await officer.getByRole("button", { name: "Terapkan" }).click();
  await expect(officer).toHaveURL(/\/workers$/);
  await expect(officer.getByRole("heading", { name: "1 pekerja" })).toBeVisible();
  expect(officer.url()).not.toContain("HYPERLINK");
  // The same box takes a NIK: it opens that worker's page, the NIK nowhere in the URL; a miss says so under the box.
  await officer.getByLabel("Nama atau NIK").fill(nik.replace(/(\d{4})/g, "$1 "));
  await officer.getByRole("button", { name: "Terapkan" }).click();
  await expect(officer).toHaveURL(/\/workers\/\d+$/);
  expect(officer.url()).not.toContain(nik);
  await officer.goto("/workers");
  await officer.getByLabel("Nama atau NIK").fill(freshNik());
  await officer.getByRole("button", { name: "Terapkan" }).click();
  await expect(officer.locator("#f-q-err")).toHaveText("NIK tidak ditemukan di wilayah Anda.");
  await officer.getByLabel("Nama atau NIK").fill("HYPERLINK");
  await officer.getByRole("button", { name: "Terapkan" }).click();
  await expect(officer.getByRole("heading", { name: "1 pekerja" })).toBeVisible();
  const res = await officer.request.get("/api/workers/export?format=csv");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toBe('attachment; filename="pekerja-kota-tangerang-2026-11-24.csv"');
  const csv = await res.text();
  expect(csv).toContain(`${nik},"'=HYPERLINK(""http://contoh.test"",""klik"")"`);
  const xlsx = await officer.request.get("/api/workers/export?format=xlsx");
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");

  const other = await as(browser, "petugasKab");
  expect(await (await other.request.get("/api/workers/export")).text()).not.toContain(nik);
  const kanwil = await as(browser, "kakanwil");
  expect((await kanwil.request.get("/api/workers/export")).status()).toBe(403);
});

test("a branch head records KPJ numbers from a NIK → KPJ file, with a result per row", async ({ browser }) => {
  test.setTimeout(120_000);
  const officer = await as(browser, "petugasKota");
  const nik = freshNik();
  const name = `Rina KPJ ${Date.now()}`;
  await register(officer, { nik, name, kecamatan: "Cipondoh" });
  await expect(officer.getByRole("main").locator("header")).toContainText("Diajukan");

  const branch = await as(browser, "kacab");
  await verifyInQueue(branch, name, "Cipondoh");
  const kpj = `K${String(Date.now()).slice(-10)}`;
  const csv = `nik;kpj;mulai\n${nik};${kpj};2026-11-20\n123;99999999;\n${freshNik("367108")};88888888;\n`;
  await branch.getByLabel(/Berkas NIK → KPJ/).setInputFiles({ name: "kpj.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await branch.getByRole("button", { name: "Unggah KPJ" }).click();
  await expect(branch.getByText("1 dari 3 baris dicatat.")).toBeVisible();
  await expect(branch.getByTestId("kpj-errors")).toContainText("Baris 3: NIK harus 16 digit.");
  await expect(branch.getByTestId("kpj-errors")).toContainText("Baris 4: NIK tidak ditemukan di kecamatan yang dilayani cabang ini.");
  await officer.reload();
  await expect(officer.getByRole("main").locator("header")).toContainText("Aktif");
  await expect(officer.getByText(`${kpj}, mulai 20 November 2026`)).toBeVisible();
});

test("the verification queue: two tabs with their counts, 50 a page, the KPJ tab without the bulk bar", async ({ browser }) => {
  const branch = await as(browser, "kacab");
  const served = `district_code in (select bc.district_code from branch_coverage bc join offices o on o.id = bc.office_id where o.name = 'Kantor Cabang Tangerang Cikokol')`;
  await branch.goto("/verification");
  const waiting = await sqlNumber(`select count(*)::int as n from workers where ${served} and status = 'diajukan'`);
  const kpj = await sqlNumber(`select count(*)::int as n from workers where ${served} and status = 'diverifikasi'`);
  const tabs = branch.getByRole("navigation", { name: "Antrean" });
  await expect(tabs.getByRole("link", { name: `Menunggu verifikasi (${new Intl.NumberFormat("id-ID").format(waiting)})` })).toBeVisible();
  await expect(tabs.getByRole("link", { name: `Menunggu nomor KPJ (${new Intl.NumberFormat("id-ID").format(kpj)})` })).toBeVisible();
  expect(waiting).toBeGreaterThan(50);
  await expect(branch.getByRole("checkbox", { name: /^Pilih (?!semua)/ })).toHaveCount(50);
  await branch.getByRole("navigation", { name: "Halaman antrean" }).getByRole("link", { name: "Berikutnya" }).click();
  await expect(branch.getByText(`Halaman 2 dari ${Math.ceil(waiting / 50)}`)).toBeVisible();
  await tabs.getByRole("link", { name: /menunggu nomor KPJ/i }).click();
  await expect(branch.getByRole("button", { name: "Verifikasi yang dipilih" })).toHaveCount(0);
  await expect(branch.getByText("Catat nomor KPJ di halaman pekerja")).toBeVisible();
});

test("the queue: select all on page 2 and the bar counts it, bulk verify on page 2, a row's own verify and reject, the waiting-time filter", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const officer = await as(browser, "petugasKota");
  const stamp = Date.now();
  const names = [`Baris Satu ${stamp}`, `Baris Dua ${stamp}`];
  for (const name of names) await register(officer, { nik: freshNik(), name, kecamatan: "Pinang" });

  const branch = await as(browser, "kacab");
  await branch.goto("/verification");
  await branch.getByRole("navigation", { name: "Halaman antrean" }).getByRole("link", { name: "Berikutnya" }).click();
  await expect(branch).toHaveURL(/page=2/);
  const bar = branch.getByTestId("bulk-bar");
  await expect(bar).toContainText("Belum ada yang dipilih");
  await branch.getByRole("checkbox", { name: "Pilih semua di halaman ini" }).check();
  const onPage = await branch.getByRole("checkbox", { name: /^Pilih (?!semua)/ }).count();
  await expect(bar).toContainText(`${onPage} dipilih`);
  await branch.getByRole("checkbox", { name: "Pilih semua di halaman ini" }).uncheck();
  const rows = branch.getByTestId("queue-row");
  const firstTwo = [await rows.nth(0).getByRole("link").innerText(), await rows.nth(1).getByRole("link").innerText()];
  for (const n of firstTwo) await branch.getByRole("checkbox", { name: `Pilih ${n}` }).check();
  await expect(bar).toContainText("2 dipilih");
  await branch.getByRole("button", { name: "Verifikasi yang dipilih" }).click();
  await expect(branch.getByText("2 pekerja diverifikasi.")).toBeVisible();
  await expect(branch).toHaveURL(/page=2/);

  // A row's own buttons act on that row only, whatever else is ticked.
  await branch.goto("/verification");
  await branch.getByLabel("Kecamatan").selectOption({ label: "Pinang" });
  await branch.getByRole("button", { name: "Saring" }).click();
  await branch.getByRole("button", { name: `Verifikasi ${names[0]}` }).click();
  await expect(branch.getByText("1 pekerja diverifikasi.")).toBeVisible();
  await branch.getByLabel("Alasan penolakan").fill("Data tidak lengkap");
  await branch.getByRole("button", { name: `Tolak ${names[1]}` }).click();
  await expect(branch.getByText("1 pekerja ditolak")).toBeVisible();
  const statusOf = (name: string) => q<{ status: string }>(`select status::text as status from workers where name = $1`, [name]);
  expect((await statusOf(names[0]!))[0]!.status).toBe("diverifikasi");
  expect((await statusOf(names[1]!))[0]!.status).toBe("ditolak");

  // Waiting longer than 30 days: every row shows more than 30 days.
  await branch.goto("/verification");
  await branch.getByLabel("Lama menunggu").selectOption("30");
  await branch.getByRole("button", { name: "Saring" }).click();
  await expect(branch).toHaveURL(/tunggu=30/);
  const waits = await branch.getByTestId("queue-row").locator("td:nth-child(6)").allInnerTexts();
  expect(waits.length).toBeGreaterThan(0);
  for (const w of waits) expect(Number(/^([\d.]+) hari$/.exec(w.trim())?.[1]?.replace(/\./g, ""))).toBeGreaterThan(30);
});

test("the worker list: sortable by name, page size, KPJ and kelurahan columns; chips count like SQL; BPJS roles see neither drafts nor the Dinas's chips", async ({
  browser,
}) => {
  const officer = await as(browser, "petugasKota");
  await officer.goto("/workers?urut=nama&per=25");
  const names = await officer.getByRole("table", { name: "Daftar pekerja" }).locator("tbody tr td:first-child").allInnerTexts();
  expect(names).toHaveLength(25);
  expect([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(names);
  await expect(officer.getByRole("columnheader", { name: "KPJ" })).toBeVisible();
  await expect(officer.getByRole("columnheader", { name: "Kecamatan / kelurahan" })).toBeVisible();
  for (const st of ["ditolak", "draft", "daftar_tunggu"]) {
    await expect(async () => {
      await officer.reload();
      const shown = Number((await officer.getByTestId(`chip-${st}`).innerText()).replace(/[().]/g, ""));
      expect(shown).toBe(await sqlNumber(`select count(*) as n from workers where regency_code = '36.71' and status = '${st}'`));
    }).toPass({ timeout: 30_000 });
  }

  const branch = await as(browser, "kacab");
  await branch.goto("/workers?status=draft");
  await expect(branch.getByText("Tidak ada pekerja yang cocok.")).toBeVisible();
  await expect(branch.getByRole("navigation", { name: "Daftar kerja" })).toHaveCount(0);
  const kanwil = await as(browser, "kakanwil");
  await kanwil.goto("/workers");
  await expect(kanwil.getByRole("columnheader", { name: "Kabupaten/kota" })).toBeVisible();
  await kanwil.getByLabel("Kabupaten/kota").selectOption({ label: "Kota Tangerang" });
  await kanwil.getByRole("button", { name: "Terapkan" }).click();
  await expect(kanwil).toHaveURL(/kab=36\.71/);
  const areas = await kanwil.getByRole("table", { name: "Daftar pekerja" }).locator("tbody tr td:nth-child(3)").allInnerTexts();
  expect(new Set(areas)).toEqual(new Set(["Kota Tangerang"]));
});
