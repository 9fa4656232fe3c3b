// Claims in a browser, on a scenario of its own (Kabupaten Cirebon, e2e/support/claims-scenario.ts:
// six months of contributions paid through the portal's own code), with the database clock moved
// to the days it happens: a death paid through its month after more than 3 months of membership
// is worth Rp 42.000.000 in three components; one after two months Rp 10.000.000; one in arrears
// shows the arrears to settle; one nonaktif is not covered, also after the arrears are paid; a
// JKK death computes on Rp 1.000.000 whatever the declared income. Bad input is refused next to
// its field with nothing written. The worker ends on the date of death and the waiting list's
// first person gets the place; the branch head records penetapan and payment; the berita acara
// prints; another area's officer gets 404. Money on the pages is compared with a plain SQL recount.
import { spawnSync } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { as as login, clock, q, suiteClock } from "../support/clock";
import { ACCOUNTS, DEMO_PASSWORD } from "../support/accounts";
import { PASSWORD, USERS } from "../support/claims-constants";

// Several fresh logins with a second factor per test: a third login of one account within a minute
// waits 31 s for a fresh code (support/accounts.ts), so a test here may take longer than the default.
test.describe.configure({ timeout: 150_000 });

type Scenario = { regulationId: number; ids: Record<string, number>; niks: Record<string, string> };
let s: Scenario;
const rupiah = (n: number) => `Rp ${new Intl.NumberFormat("id-ID").format(n)}`;

function runScenario<T>(step: string): T {
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "e2e/support/claims-scenario.ts", step], {
    env: process.env,
    encoding: "utf8",
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`claims-scenario ${step}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

const as = (browser: Browser, email: string, password = PASSWORD) => login(browser, email, password);

/** Opens a case from the worker's claim form; returns the claim page's id. */
async function openJkm(page: Page, workerId: number, eventDate: string) {
  await page.goto(`/claims/new?pekerja=${workerId}`);
  await page.getByLabel("Jenis klaim").selectOption("jkm");
  await page.getByLabel("Tanggal kejadian").fill(eventDate);
  await page.getByLabel("Tempat kejadian").fill("Rumah");
  await page.getByLabel("Uraian kejadian").fill("Meninggal dunia di rumah (uji e2e).");
  await page.getByRole("button", { name: "Buka kasus klaim" }).click();
  await expect(page).toHaveURL(/\/claims\/\d+$/);
  return Number(page.url().split("/").pop());
}

const pdf = (name: string, size = 2000) => ({
  name,
  mimeType: "application/pdf",
  buffer: Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(size, 0x20)]),
});

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  s = runScenario<Scenario>("setup");
  await clock("2028-06-12T03:00:00Z");
});

test.afterAll(async () => {
  await suiteClock();
});

test("heirs: the worker's own NIK is refused next to the field; the list keeps the legal order", async ({ browser }) => {
  const officer = await as(browser, USERS.officer);
  await officer.goto(`/workers/${s.ids.Penuh}`);
  // With no heir yet the add form is open.
  const form = officer.getByRole("form", { name: "Tambah ahli waris" });
  await form.getByLabel("Nama ahli waris").fill("Anak Penuh");
  await form.getByLabel("Hubungan").selectOption("anak");
  await form.getByLabel("NIK ahli waris").fill(s.niks.Penuh!);
  await form.getByRole("button", { name: "Tambah ahli waris" }).click();
  await expect(form.locator("#heir-new-nik-err")).toHaveText("NIK ahli waris tidak boleh sama dengan NIK pekerja.");
  expect(await q(`select 1 from worker_heirs where worker_id = $1`, [s.ids.Penuh])).toHaveLength(0);
  await form.getByLabel("NIK ahli waris").fill("3209015510150003");
  await form.getByLabel("Tanggal lahir").fill("2015-10-15");
  await form.getByRole("button", { name: "Tambah ahli waris" }).click();
  await expect(officer.getByTestId("form-message").first()).toContainText("Anak Penuh ditambahkan");
  await officer.locator("summary", { hasText: "Tambah ahli waris" }).click();
  await form.getByLabel("Nama ahli waris").fill("Istri Penuh");
  await form.getByLabel("Hubungan").selectOption("istri");
  await form.getByLabel("Nama bank").fill("BRI");
  await form.getByLabel("Nomor rekening").fill("0123 4567 8901");
  await form.getByRole("button", { name: "Tambah ahli waris" }).click();
  // Spouse first, then the child; the account and NIK only masked.
  await expect(officer.getByTestId("heir")).toHaveCount(2);
  await expect(officer.getByTestId("heir").first()).toContainText("Istri Penuh");
  await expect(officer.getByTestId("heir").first()).toContainText("BRI •••• 8901");
  await expect(officer.getByTestId("heir").nth(1)).toContainText("NIK 320901••••••••••");
  await expect(officer.locator("body")).not.toContainText("012345678901");
});

test("a death paid through its month, member for more than 3 months: Rp 42.000.000; the place goes to the waiting list", async ({ browser }) => {
  const officer = await as(browser, USERS.officer);
  // An event date after today: refused next to the field, nothing written.
  await officer.goto(`/claims/new?pekerja=${s.ids.Penuh}`);
  await officer.getByLabel("Jenis klaim").selectOption("jkm");
  await officer.getByLabel("Tanggal kejadian").fill("2028-06-20");
  await officer.getByLabel("Uraian kejadian").fill("Meninggal dunia di rumah (uji e2e).");
  await officer.getByRole("button", { name: "Buka kasus klaim" }).click();
  await expect(officer.getByText("Tanggal kejadian tidak boleh setelah hari ini.").first()).toBeVisible();
  expect(await q(`select 1 from claims where worker_id = $1`, [s.ids.Penuh])).toHaveLength(0);

  const id = await openJkm(officer, s.ids.Penuh!, "2028-06-10");
  await expect(officer.getByTestId("claim-coverage")).toHaveText("Terlindungi pada tanggal kejadian.");
  for (const amount of ["Rp 20.000.000", "Rp 12.000.000", "Rp 10.000.000"])
    await expect(officer.getByRole("cell", { name: amount, exact: true })).toBeVisible();
  await expect(officer.getByTestId("claim-total")).toHaveText("Rp 42.000.000");
  // The worker ended on the date of death; the waiting list's first person holds the place now.
  const [ended] = await q<{ status: string; end_reason: string; ended_on: string }>(`select status, end_reason, ended_on::text from workers where id = $1`, [
    s.ids.Penuh,
  ]);
  expect(ended).toEqual({ status: "berakhir", end_reason: "meninggal", ended_on: "2028-06-10" });
  await officer.goto(`/workers/${s.ids.Menunggu}`);
  await expect(officer.getByText("Diajukan").first()).toBeVisible();
  expect((await q<{ status: string }>(`select status from workers where id = $1`, [s.ids.Menunggu]))[0]!.status).toBe("diajukan");

  // Documents: a 15 MB file and an executable renamed .pdf are refused; then the five required.
  await officer.goto(`/claims/${id}`);
  const akta = officer.getByTestId("doc-akta_kematian");
  await akta.locator("#f-doc-akta_kematian").setInputFiles(pdf("besar.pdf", 15 * 1024 * 1024));
  await akta.getByRole("button", { name: "Unggah dokumen" }).click();
  await expect(akta.getByTestId("form-message")).toContainText("Berkas lebih dari 10 MB");
  await akta
    .locator("#f-doc-akta_kematian")
    .setInputFiles({ name: "akta.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("MZ\x90\x00"), Buffer.alloc(4000, 1)]) });
  await akta.getByRole("button", { name: "Unggah dokumen" }).click();
  await expect(akta.getByTestId("form-message")).toContainText("Berkas bukan PDF, JPEG atau PNG");
  expect(await q(`select 1 from claim_documents where claim_id = $1`, [id])).toHaveLength(0);
  for (const kind of ["akta_kematian", "surat_ahli_waris", "kartu_keluarga", "ktp_ahli_waris", "buku_tabungan"]) {
    const item = officer.getByTestId(`doc-${kind}`);
    await item.locator(`#f-doc-${kind}`).setInputFiles(pdf(`${kind}.pdf`));
    await item.getByRole("button", { name: "Unggah dokumen" }).click();
    await expect(item.getByRole("link", { name: `${kind}.pdf` })).toBeVisible();
  }
  await expect(officer.getByTestId("claim-status")).toHaveText("Dokumen lengkap");
  await officer.getByRole("button", { name: "Ajukan ke BPJS" }).click();
  await expect(officer.getByTestId("claim-status")).toHaveText("Diajukan ke BPJS");

  // The branch head records BPJS's penetapan and the payment to the heir.
  await clock("2028-06-19T03:00:00Z");
  const head = await as(browser, USERS.head);
  await head.goto(`/claims/${id}`);
  await head.getByLabel("Nomor penetapan BPJS").fill("PNT/E2E/0001");
  await head.getByRole("button", { name: "Catat penetapan" }).click();
  await expect(head.getByTestId("claim-status")).toHaveText("Ditetapkan BPJS");
  await expect(head.getByLabel("Nama penerima")).toHaveValue("Istri Penuh");
  await head.getByLabel("4 digit terakhir rekening").fill("8901");
  await head.getByRole("button", { name: "Catat pembayaran" }).click();
  await expect(head.getByTestId("claim-status")).toHaveText("Dibayar");
  const [money] = await q<{ decided: number; paid: number }>(
    `select (select sum(amount) from claim_components where claim_id = $1)::int as decided, (select sum(amount) from claim_payments where claim_id = $1)::int as paid`,
    [id],
  );
  expect(money).toEqual({ decided: 42_000_000, paid: 42_000_000 });
  await expect(head.getByText(`Dibayar ${rupiah(money!.paid)} dari ${rupiah(money!.decided)}.`)).toBeVisible();

  // The berita acara prints with the components, the heir and both signature blocks.
  await head.goto(`/claims/${id}/print`);
  await expect(head.getByRole("heading", { name: /Berita Acara Penyerahan Santunan/ })).toBeVisible();
  await expect(head.getByText("Istri Penuh").first()).toBeVisible();
  await expect(head.getByText(rupiah(42_000_000)).first()).toBeVisible();
  await expect(head.getByText("Kepala Kantor Cabang").first()).toBeVisible();

  // Another area's officer: 404, on the page and on a document.
  const other = await as(browser, ACCOUNTS.petugasKab.email, DEMO_PASSWORD);
  await other.goto(`/claims/${id}`);
  await expect(other.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
  expect((await other.request.get(`/api/claims/${id}/documents/akta_kematian`)).status()).toBe(404);
});

test("two months of membership: the limited Rp 10.000.000", async ({ browser }) => {
  await clock("2028-06-12T03:00:00Z");
  const officer = await as(browser, USERS.officer);
  await openJkm(officer, s.ids.Baru!, "2028-06-10");
  await expect(officer.getByTestId("claim-coverage")).toHaveText("Terlindungi pada tanggal kejadian.");
  await expect(officer.getByTestId("claim-total")).toHaveText("Rp 10.000.000");
});

test("in arrears: covered, and the arrears to settle are shown, equal to a recount", async ({ browser }) => {
  const officer = await as(browser, USERS.officer);
  await openJkm(officer, s.ids.Tunggak!, "2028-06-10");
  // Due and unpaid at the event: April and May (June falls due on the 15th), at the tariff.
  const [due] = await q<{ months: number; n: number }>(
    `select count(*)::int as months, coalesce(sum((select jkk + jkm from tariffs t where t.effective_from <= m::date order by t.effective_from desc limit 1)), 0)::int as n
       from generate_series('2028-04-01'::date, '2028-05-01', interval '1 month') m
      where not exists (select 1 from paid_months p where p.nik = $1 and p.month = m::date)`,
    [s.niks.Tunggak],
  );
  expect(due!.months).toBe(2);
  await expect(officer.getByTestId("claim-coverage")).toContainText(`tunggakan ${rupiah(due!.n)} harus dilunasi sebelum klaim dibayar`);
});

test("nonaktif on the day: not covered, and still not after the arrears are paid", async ({ browser }) => {
  const officer = await as(browser, USERS.officer);
  const id = await openJkm(officer, s.ids.Nonaktif!, "2028-06-10");
  await expect(officer.getByTestId("claim-coverage")).toContainText("Tidak terlindungi pada tanggal kejadian; iuran terakhir dibayar untuk Januari 2028");
  const { paid } = runScenario<{ paid: number }>("pay-arrears");
  expect(paid).toBeGreaterThan(0);
  expect((await q(`select 1 from paid_months where nik = $1 and month = '2028-05-01'`, [s.niks.Nonaktif])).length).toBe(1);
  const later = await as(browser, USERS.officer);
  await later.goto(`/claims/${id}`);
  await expect(later.getByTestId("claim-coverage")).toContainText("Tidak terlindungi pada tanggal kejadian");
  await expect(later.getByTestId("claim-coverage")).toContainText("Pembayaran tunggakan kemudian tidak membuat kejadian ini terlindungi.");
  // The branch head cannot decide it for payment: it can only be refused.
  const head = await as(browser, USERS.head);
  await head.goto(`/claims/${id}`);
  await expect(head.getByRole("button", { name: "Catat penetapan" })).toHaveCount(0);
});

test("a JKK death computes on Rp 1.000.000 whatever income was declared; the report's 2 × 24 hours are shown", async ({ browser }) => {
  await clock("2028-06-20T05:00:00Z");
  const officer = await as(browser, USERS.officer);
  expect((await q<{ income: number }>(`select income from workers where id = $1`, [s.ids.Kecelakaan]))[0]!.income).toBe(3_000_000);
  await officer.goto(`/claims/new?pekerja=${s.ids.Kecelakaan}`);
  await officer.getByLabel("Jenis klaim").selectOption("jkk");
  await officer.getByLabel("Jenis kecelakaan kerja").selectOption("kematian");
  await officer.getByLabel("Tanggal kejadian").fill("2028-06-19");
  await officer.getByLabel("Jam kejadian (WIB)").fill("09:30");
  await officer.getByLabel("Tempat kejadian").fill("Pelabuhan");
  await officer.getByLabel("Uraian kejadian").fill("Terjatuh saat bongkar muat (uji e2e).");
  await officer.getByRole("button", { name: "Buka kasus klaim" }).click();
  await expect(officer).toHaveURL(/\/claims\/\d+$/);
  await expect(officer.getByRole("cell", { name: rupiah(48 * 1_000_000), exact: true })).toBeVisible();
  await expect(officer.getByTestId("claim-total")).toHaveText(rupiah(48_000_000 + 12_000_000 + 10_000_000));
  await expect(officer.getByTestId("claim-deadline")).toContainText("21 Juni 2028, 09.30 WIB");
  await expect(officer.getByTestId("claim-deadline")).toContainText("sisa 22 jam");
});
