// Contributions in a browser, on a scenario of its own (Kabupaten Ciamis: its own regulation, two
// branches, five workers), moving the database clock: draft, issue (a bad kode iuran first), one
// SP2D across both branches, each branch confirming its part, the states on the 15th and the
// 16th, nonaktif after the grace, another area's officer refused, the printed bill. Every money
// figure on a page is compared with a plain SQL recount.
import { expect, test, type Browser } from "@playwright/test";
import { as as login, clock, q, suiteClock } from "../support/clock";
import { hashPassword } from "@/lib/auth/password";
import { ACCOUNTS, DEMO_PASSWORD } from "../support/accounts";
import { enrolMfa } from "../support/db";

// Several fresh logins with a second factor per test: a third login of one account within a minute
// waits 31 s for a fresh code (support/accounts.ts), so a test here may take longer than the default.
test.describe.configure({ timeout: 150_000 });

const AREA = "32.07";
const PASSWORD = "iuran-e2e-2027";
const USERS = { supervisor: "supervisor.e2eiuran@portal.test", headA: "kacab.e2eiurana@portal.test", headB: "kacab.e2eiuranb@portal.test" };
const rupiah = (n: number) => `Rp ${new Intl.NumberFormat("id-ID").format(n)}`;

const as = (browser: Browser, email: string, password = PASSWORD) => login(browser, email, password);

let regulationId = 0;
let workerA = 0;
let kec: string[] = [];
const offices: number[] = [];

/** People aktif in a month under the regulation in a branch's kecamatan × that month's tariff: the bill, recounted. */
async function expectedBill(officeId: number, month: string) {
  const [r] = await q<{ n: number; rupiah: number }>(
    `select count(*)::int as n, (count(*) * (select jkk + jkm from tariffs where effective_from <= $2::date order by effective_from desc limit 1))::int as rupiah
       from (select distinct w.nik from coverage_spans s join workers w on w.id = s.worker_id join branch_coverage bc on bc.district_code = s.district_code
              where s.regulation_id = $1 and bc.office_id = $3 and s.starts_on < ($2::date + interval '1 month') and (s.ends_on is null or s.ends_on >= $2::date)) x`,
    [regulationId, month, officeId],
  );
  return r!;
}

async function billId(officeId: number, month: string): Promise<number> {
  const [r] = await q<{ id: number }>(`select id from bills where regulation_id = $1 and office_id = $2 and month = $3::date and status <> 'batal'`, [
    regulationId,
    officeId,
    month,
  ]);
  return r!.id;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const hash = await hashPassword(PASSWORD);
  kec = (await q<{ code: string }>(`select code from districts where regency_code = $1 order by code limit 2`, [AREA])).map((r) => r.code);
  await q(`insert into offices (kind, name, province_code) values ('kantor_wilayah', 'Kanwil Jawa Barat (e2e)', '32') on conflict (name) do nothing`);
  const [kanwil] = await q<{ id: number }>(`select id from offices where kind = 'kantor_wilayah' and province_code = '32' order by id limit 1`);
  for (const [i, name] of ["A", "B"].entries()) {
    const [o] = await q<{ id: number }>(
      `insert into offices (kind, name, parent_id, province_code) values ('kantor_cabang', $1, $2, '32') on conflict (name) do update set name = excluded.name returning id`,
      [`KC Uji Ciamis ${name}`, kanwil!.id],
    );
    offices.push(o!.id);
    await q(`insert into branch_coverage (district_code, office_id) values ($1, $2) on conflict do nothing`, [kec[i], o!.id]);
    await q(
      `insert into users (email, name, password_hash, role, office_id) values ($1, $2, $3, 'kepala_cabang', $4) on conflict ((lower(email))) do nothing`,
      [i === 0 ? USERS.headA : USERS.headB, `Kacab Ciamis ${name}`, hash, o!.id],
    );
  }
  await q(
    `insert into users (email, name, password_hash, role, regency_code) values ($1, 'Supervisor Ciamis', $2, 'supervisor', $3) on conflict ((lower(email))) do nothing`,
    [USERS.supervisor, hash, AREA],
  );
  await enrolMfa([USERS.headA, USERS.headB, USERS.supervisor]);
  const [reg] = await q<{ id: number }>(
    `insert into regulations (regency_code, type, issuer, number, title, status, starts_on, quota, min_age_months, max_age_months, enacted_on)
     values ($1, 'perbup', 'kabkota', 'Perbup Ciamis E2E', 'Perbup uji iuran', 'enacted', '2027-01-01', 50, 216, 779, '2026-12-01') returning id`,
    [AREA],
  );
  regulationId = reg!.id;
  await q(`insert into regulation_budgets (regulation_id, fiscal_year, allocated) values ($1, 2027, 10000000)`, [regulationId]);
  // A tariff change inside the scenario's year.
  await q(
    `insert into tariffs (effective_from, jkk, jkm, note) values ('2027-07-01', 11000, 7000, 'uji e2e: tarif baru') on conflict (effective_from) do nothing`,
  );
  await clock("2027-05-20");
  // Five aktif workers: three in A's kecamatan, two in B's (one covered from the 20th of June).
  const starts = ["2027-06-02", "2027-06-02", "2027-06-03", "2027-06-01", "2027-06-20"];
  for (const [i, start] of starts.entries()) {
    const nik = `320701${String(10 + i)}0890${String(9000 + i)}`;
    const [w] = await q<{ id: number }>(
      `insert into workers (nik, name, birth_date, sex, regency_code, district_code, status, regulation_id, kpj_number, coverage_start, submitted_at)
       values ($1, $2, '1990-08-10', 'L', $3, $4, 'aktif', $5, $6, $7, now()) returning id`,
      [nik, `Pekerja Ciamis ${i + 1}`, AREA, i < 3 ? kec[0] : kec[1], regulationId, `CMS${nik.slice(-8)}`, start],
    );
    if (i === 0) workerA = w!.id;
  }
  await q(`update regulations set counted = 5 where id = $1`, [regulationId]);
});

test.afterAll(async () => {
  await suiteClock();
});

test("a month is billed per branch, issued, paid with one SP2D and confirmed by each branch", async ({ browser }) => {
  await clock("2027-06-01");
  const sup = await as(browser, USERS.supervisor);
  await sup.goto("/billing");
  await sup.getByLabel("Bulan tagihan").fill("2027-06");
  await sup.getByRole("button", { name: "Susun tagihan" }).click();
  await expect(sup.getByTestId("form-message")).toContainText("Tagihan Juni 2027 disusun");

  // Each branch's bill equals a plain recount: people aktif in June in its kecamatan × Rp 16.800.
  for (const office of offices) {
    const expected = await expectedBill(office, "2027-06-01");
    await sup.goto(`/billing/${await billId(office, "2027-06-01")}`);
    await expect(sup.getByText("Jumlah tagihan", { exact: true }).locator("+ dd")).toHaveText(rupiah(expected.rupiah));
    await expect(sup.getByText("Baris", { exact: true }).locator("+ dd")).toHaveText(String(expected.n));
  }
  expect((await expectedBill(offices[0]!, "2027-06-01")).n).toBe(3);

  // The branch head issues, a bad kode iuran first.
  for (const [i, email] of [USERS.headA, USERS.headB].entries()) {
    const head = await as(browser, email);
    await head.goto(`/billing/${await billId(offices[i]!, "2027-06-01")}`);
    await head.getByLabel("Kode iuran BPJS (11 digit)").fill("12345");
    await head.getByRole("button", { name: "Terbitkan" }).click();
    await expect(head.getByText("Kode iuran harus 11 digit angka.").first()).toBeVisible();
    await head.getByLabel("Kode iuran BPJS (11 digit)").fill(`3207202706${i}`);
    await head.getByRole("button", { name: "Terbitkan" }).click();
    // The issue form gives way to the issued bill.
    await expect(head.getByText(`kode iuran 3207202706${i}`)).toBeVisible();
    await expect(head.getByLabel("Kode iuran BPJS (11 digit)")).toHaveCount(0);
    await head.close();
  }

  // One SP2D for both branches; bad input first, nothing written.
  const total = (await expectedBill(offices[0]!, "2027-06-01")).rupiah + (await expectedBill(offices[1]!, "2027-06-01")).rupiah;
  await sup.goto("/billing/payments/new");
  await sup.getByLabel("Regulasi").selectOption(String(regulationId));
  await sup.getByLabel("Nomor SP2D").fill("SP2D-E2E-0601");
  await sup.getByLabel("Tanggal SP2D").fill("2027-06-05");
  await sup.getByLabel("Jumlah (Rp)").fill("0");
  await sup.getByRole("button", { name: "Catat dan alokasikan" }).click();
  await expect(sup.locator("#f-amount-err")).toContainText("minimal 1");
  await sup.getByLabel("Jumlah (Rp)").fill(String(total));
  await sup.getByRole("button", { name: "Catat dan alokasikan" }).click();
  await expect(sup.getByText("Tanggal SP2D tidak boleh setelah hari ini.").first()).toBeVisible();
  expect((await q(`select 1 from payments where regulation_id = $1`, [regulationId])).length).toBe(0);
  await sup.getByLabel("Tanggal SP2D").fill("2027-06-01");
  await sup.getByRole("button", { name: "Catat dan alokasikan" }).click();
  await expect(sup).toHaveURL(/\/billing\/payments\/\d+$/);
  await expect(sup.getByText("Dialokasikan", { exact: true }).locator("+ dd")).toHaveText(rupiah(total));
  await expect(sup.getByText("Menunggu konfirmasi BPJS")).toHaveCount(2);
  const paymentUrl = sup.url();

  // Each branch head confirms its own part only.
  for (const email of [USERS.headA, USERS.headB]) {
    const head = await as(browser, email);
    await head.goto(paymentUrl);
    await expect(head.getByLabel("Nomor tanda bukti penerimaan iuran")).toHaveCount(1);
    await head.getByLabel("Nomor tanda bukti penerimaan iuran").fill(`TBPI-E2E-${email.slice(14, 15)}`);
    await head.getByRole("button", { name: "Konfirmasi penerimaan" }).click();
    await expect(head.getByText(`tanda bukti TBPI-E2E-${email.slice(14, 15)}`)).toBeVisible();
    await head.close();
  }
  const [paid] = await q<{ n: number }>(`select count(*)::int as n from paid_months p join workers w on w.nik = p.nik where w.regency_code = $1`, [AREA]);
  expect(paid!.n).toBe(5);

  await clock("2027-06-10");
  await sup.goto(`/workers/${workerA}`);
  await expect(sup.getByTestId("contribution-state")).toContainText("Lunas");
  await expect(sup.getByTestId("contribution-state")).toContainText("Masa iur: 1 bulan");

  // Another area's officer (a fresh login: the saved sessions are from before the clock moved).
  const other = await as(browser, ACCOUNTS.petugasKab.email, DEMO_PASSWORD);
  await other.goto(`/billing/${await billId(offices[0]!, "2027-06-01")}`);
  await expect(other.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();

  // Branch A reconciles June with BPJS's list: worker 1 matches, worker 2 died per BPJS, worker 3
  // is missing from the list, and BPJS lists someone the portal does not have.
  const people = await q<{ id: number; nik: string; kpj: string; name: string }>(
    `select id::int, nik, kpj_number as kpj, name from workers where regency_code = $1 and district_code = $2 order by id`,
    [AREA, kec[0]],
  );
  const csv = [
    "kpj,nik,nama,status_kepesertaan,bulan_iuran_terakhir",
    `${people[0]!.kpj},${people[0]!.nik},${people[0]!.name},aktif,2027-06`,
    `${people[1]!.kpj},${people[1]!.nik},${people[1]!.name},meninggal,2027-06`,
    `CMS99999999,3207011111909999,Hanya Di BPJS,aktif,2027-06`,
  ].join("\n");
  const headA = await as(browser, USERS.headA);
  await headA.goto("/billing/reconciliations");
  await headA.getByLabel("Bulan", { exact: true }).fill("2027-06");
  await headA.locator("#f-bpjsFile").setInputFiles({ name: "bpjs-juni.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await headA.getByRole("button", { name: "Unggah dan bandingkan" }).click();
  await expect(headA).toHaveURL(/\/billing\/reconciliations\/\d+$/);
  for (const [category, n] of [
    ["cocok", 1],
    ["status_berbeda", 1],
    ["hanya_portal", 1],
    ["hanya_bpjs", 1],
    ["nik_kpj_berbeda", 0],
  ] as const) {
    await expect(headA.getByTestId(`category-${category}`).locator("td").nth(1)).toHaveText(String(n));
  }
  await headA.getByRole("link", { name: "Status berbeda" }).click();
  await expect(headA.getByRole("link", { name: "Catat kematian" })).toHaveAttribute("href", `/workers/${people[1]!.id}#catat-kematian`);
  await headA.getByRole("link", { name: "Cetak berita acara" }).click();
  await expect(headA.getByTestId("ba-cocok")).toHaveText("1");
  await expect(headA.getByTestId("ba-charged")).toHaveText(rupiah((await expectedBill(offices[0]!, "2027-06-01")).rupiah));
  await headA.close();

  // The printed rincian tagihan.
  await sup.goto(`/billing/${await billId(offices[0]!, "2027-06-01")}/print`);
  await expect(sup.getByTestId("bill-total")).toHaveText(rupiah((await expectedBill(offices[0]!, "2027-06-01")).rupiah));
  await expect(sup.getByText("3207202706", { exact: false }).first()).toBeVisible();
});

test("the next month at the new tariff, menunggak from the 16th, nonaktif after the grace", async ({ browser }) => {
  // The worker drafts July on its own when the clock reaches the month.
  await clock("2027-07-15");
  await expect
    .poll(async () => (await q(`select 1 from bills where regulation_id = $1 and month = '2027-07-01'`, [regulationId])).length, { timeout: 60_000 })
    .toBeGreaterThan(0);
  const [july] = await q<{ amounts: number[] }>(
    `select array_agg(distinct l.amount) as amounts from bill_lines l join bills b on b.id = l.bill_id where b.regulation_id = $1 and l.month = '2027-07-01'`,
    [regulationId],
  );
  expect(july!.amounts).toEqual([18_000]);
  const sup = await as(browser, USERS.supervisor);
  await sup.goto(`/billing/${await billId(offices[0]!, "2027-07-01")}`);
  await expect(sup.getByText("Jumlah tagihan", { exact: true }).locator("+ dd")).toHaveText(rupiah((await expectedBill(offices[0]!, "2027-07-01")).rupiah));

  await sup.goto(`/workers/${workerA}`);
  await expect(sup.getByTestId("contribution-state")).toContainText("Belum jatuh tempo");
  await clock("2027-07-16");
  await sup.reload();
  await expect(sup.getByTestId("contribution-state")).toContainText("Menunggak 1 bulan");

  // July to October unpaid: more than 3 due months on 16 October.
  await clock("2027-10-15");
  await sup.reload();
  await expect(sup.getByTestId("contribution-state")).toContainText("Menunggak 3 bulan");
  await clock("2027-10-16");
  await sup.reload();
  await expect(sup.getByTestId("contribution-state")).toContainText("Nonaktif (tunggakan 4 bulan)");

  // The area's dashboard agrees: every aktif worker of the scenario is nonaktif now.
  const [aktif] = await q<{ n: number }>(`select count(*)::int as n from workers where regency_code = $1 and status = 'aktif'`, [AREA]);
  await sup.goto("/dashboard");
  await expect(sup.getByTestId("progress-Nonaktif (tunggakan)")).toHaveText(String(aktif!.n));
  await expect(sup.getByTestId("progress-Tidak menunggak")).toHaveText("0");
});
