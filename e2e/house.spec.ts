import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { q } from "./support/clock";
import { freshNik } from "./support/db";
import { as, register } from "./support/workers";

// The house rules every feature relies on: route handlers refuse cross-site writes and bodies of
// the wrong type; an unexpected error reaches the user as "Kode galat" and the log as a code and
// that id, never with the person's data; an ending carries the day it took effect.

test.describe.configure({ mode: "serial" });

test("a route refuses a write without the portal's own Origin, and a body of the wrong type", async ({ browser }) => {
  const branch = await as(browser, "kacab");
  await branch.goto("/verification");
  const origin = new URL(branch.url()).origin;
  const csv = { data: Buffer.from("nik,kpj\n"), headers: { "content-type": "text/csv" } };
  const none = await branch.request.post("/api/verification/kpj", csv);
  expect(none.status()).toBe(403);
  expect((await none.json()).message).toBe("Permintaan ditolak: tidak berasal dari halaman portal ini.");
  expect((await branch.request.post("/api/verification/kpj", { ...csv, headers: { ...csv.headers, origin: "https://contoh-jahat.example" } })).status()).toBe(
    403,
  );
  const json = await branch.request.post("/api/verification/kpj", { data: { nik: "x" }, headers: { origin } });
  expect(json.status()).toBe(415);
  expect((await json.json()).message).toBe("Jenis berkas yang dikirim tidak diterima di sini.");
  // The same request from the portal's own page goes through to the parser.
  const own = await branch.request.post("/api/verification/kpj", { ...csv, headers: { ...csv.headers, origin } });
  expect(own.status()).toBe(400);
  expect((await own.json()).message).toBe("Berkas tidak berisi baris data.");
});

test("a forged registration that fails in the database shows a Kode galat; the log holds the SQLSTATE and that id, not the NIK or the name", async ({
  browser,
}) => {
  const officer = await as(browser, "petugasKota");
  const nik = freshNik();
  const name = `Galat Uji ${Date.now()}`;
  await officer.goto("/workers/new");
  // An occupation id that does not exist passes the form's checks and fails on the foreign key.
  await officer.locator('select[name="occupationId"]').evaluate((el) => {
    const o = document.createElement("option");
    o.value = "987654";
    o.textContent = "palsu";
    el.appendChild(o);
    (el as HTMLSelectElement).value = "987654";
  });
  await officer.getByLabel("NIK", { exact: true }).fill(nik);
  await officer.getByLabel("Nama lengkap").fill(name);
  await officer.getByLabel("Kecamatan").selectOption({ label: "Tangerang" });
  await officer.getByLabel("Kelurahan/Desa").selectOption({ index: 1 });
  await officer.getByLabel("Nama ahli waris", { exact: true }).fill("Sri Wahyuni");
  await officer.getByLabel("Hubungan ahli waris").selectOption("istri");
  await officer.locator('select[name="occupationId"]').evaluate((el) => ((el as HTMLSelectElement).value = "987654"));
  await officer.getByRole("button", { name: "Simpan", exact: true }).click();
  const message = officer.getByText(/Kode galat: [0-9a-f]{10}/);
  await expect(message).toBeVisible();
  const id = /Kode galat: ([0-9a-f]{10})/.exec((await message.textContent()) ?? "")![1]!;
  const logFile = process.env.E2E_SERVER_LOG;
  expect(logFile, "the test runner passes the server log's path").toBeTruthy();
  await expect.poll(() => fs.readFileSync(logFile!, "utf8")).toContain(`id=${id}`);
  const log = fs.readFileSync(logFile!, "utf8");
  const line = log.split("\n").find((l) => l.includes(`id=${id}`))!;
  expect(line).toMatch(/\[galat\] aksi workers\.register kode=23503 constraint=workers_occupation_id_occupations_id_fk/);
  expect(log).not.toContain(nik);
  expect(log).not.toContain(name);
});

test("an ending is recorded with the day it took effect, not after today", async ({ browser }) => {
  const officer = await as(browser, "petugasKota");
  const name = `Akhir Bertanggal ${Date.now()}`;
  await register(officer, { nik: freshNik(), name, kecamatan: "Tangerang" });
  await expect(officer).toHaveURL(/\/workers\/\d+$/);
  await officer.getByLabel("Alasan berakhir").selectOption("meninggal");
  await officer.getByLabel("Tanggal berakhir").fill("2026-11-25");
  await officer.getByRole("button", { name: "Akhiri kepesertaan" }).click();
  await expect(officer.getByText("Tanggal berakhir tidak boleh setelah hari ini.").first()).toBeVisible();
  await expect(officer.getByLabel("Alasan berakhir")).toHaveValue("meninggal");
  await officer.getByLabel("Tanggal berakhir").fill("2026-11-24");
  await officer.getByRole("button", { name: "Akhiri kepesertaan" }).click();
  await expect(officer.getByRole("main").locator("header")).toContainText("Berakhir");
  await expect(officer.getByText("Meninggal, berlaku 24 November 2026")).toBeVisible();
});

test("a KPJ file and an import with a valid session cookie write nothing from a foreign Origin or as text/plain; from the portal they go through", async ({
  browser,
}) => {
  const branch = await as(browser, "kacab");
  await branch.goto("/verification");
  const origin = new URL(branch.url()).origin;
  const csv = Buffer.from(`nik;kpj\n${freshNik()};12345678\n`);
  const foreign = { origin: "https://contoh-jahat.example" };
  for (const headers of [
    { ...foreign, "content-type": "text/csv" },
    { origin, "content-type": "text/plain" },
    { ...foreign, "content-type": "text/plain" },
  ]) {
    const res = await branch.request.post("/api/verification/kpj", { data: csv, headers });
    expect([403, 415], JSON.stringify(headers)).toContain(res.status());
  }
  const own = await branch.request.post("/api/verification/kpj", { data: csv, headers: { origin, "content-type": "text/csv" } });
  expect(own.status()).toBe(200);
  expect((await own.json()).message).toBe("0 dari 1 baris dicatat.");

  const officer = await as(browser, "petugasKota");
  await officer.goto("/imports");
  const file = Buffer.from(`nik;nama\n${freshNik()};Uji Asal\n`);
  const name = `asal-${Date.now()}.csv`;
  const batches = () => q<{ n: number }>(`select count(*)::int as n from import_batches where file_name = $1`, [name]);
  for (const headers of [
    { ...foreign, "content-type": "application/octet-stream" },
    { origin, "content-type": "text/plain" },
    { origin, "content-type": "multipart/form-data; boundary=x" },
  ]) {
    const res = await officer.request.post(`/api/imports?nama=${name}`, { data: file, headers });
    expect([403, 415], JSON.stringify(headers)).toContain(res.status());
  }
  expect((await batches())[0]!.n).toBe(0);
  const ok = await officer.request.post(`/api/imports?nama=${name}`, { data: file, headers: { origin, "content-type": "application/octet-stream" } });
  expect(ok.status()).toBe(201);
  expect((await batches())[0]!.n).toBe(1);
});

test("a download link that cannot be served opens a page with the reason and a way back; a script's request still gets JSON", async ({ browser }) => {
  const supervisor = await as(browser, "supervisorKota");
  await supervisor.goto("/workers");
  const from = supervisor.url();
  const res = await supervisor.goto("/api/bills/999999999/export", { referer: from });
  expect(res!.status()).toBe(404);
  expect(res!.headers()["content-type"]).toContain("text/html");
  await expect(supervisor.getByRole("alert")).toHaveText("Tagihan tidak ditemukan.");
  await supervisor.getByRole("link", { name: "Kembali" }).click();
  await expect(supervisor).toHaveURL(from);
  // A referrer path that would leave the portal ("//host/…") is not offered as the way back.
  await supervisor.goto("/api/bills/999999999/export", { referer: `${new URL(from).origin}//contoh-jahat.example/x` });
  await expect(supervisor.getByRole("link", { name: "Kembali ke beranda" })).toHaveAttribute("href", "/dashboard");
  const api = await supervisor.request.get("/api/bills/999999999/export");
  expect(api.status()).toBe(404);
  expect(await api.json()).toEqual({ message: "Tagihan tidak ditemukan." });
});
