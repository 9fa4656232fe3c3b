// Bulk import (issue #6) in-process: upload checks, the dry run, commit with places and the
// waiting list, maker-checker, and every kind of bad input with a fixture made here.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "@/db/connection";
import type { Viewer } from "@/lib/authz/viewer";
import { UserFacingError } from "@/lib/data/errors";
import { HttpError } from "@/lib/http-error";
import { getImportBatchForViewer, listImportProblemRowsForViewer, requestImportCommit } from "@/lib/data/imports";
import { getProcessingRecordForViewer } from "@/lib/data/workers";
import { runImportCommit, runImportValidation } from "@/lib/data/jobs/imports";
import { purgeEndedImportRows } from "@/lib/data/jobs/retention";
import { stageUpload } from "@/lib/imports/upload";
import { fileStore } from "@/lib/storage";
import { createAreaUser, firstVillageOf } from "../support/areas";
import { viewerFor } from "../support/viewers";
import { claimNikNamespace, makeNik } from "../support/workers";
import { zip } from "../support/zip";

claimNikNamespace(5);

const LEBAK = "36.02"; // Kabupaten Lebak: no demo data, used only by this file
const KEC = "36.02.01";
let village: string;
let officer: Viewer;
let supervisor: Viewer;
const sqlOf = () => connect(inject("databaseUrl"), 1).sql;

const HEADER =
  "nik,nama,tanggal_lahir,jenis_kelamin,alamat,kode_kecamatan,kode_kelurahan,no_hp,pekerjaan,penghasilan,nomor_kk,sumber_data,ahli_waris_nama,ahli_waris_hubungan,ahli_waris_nik";
const row = (nik: string, name = "Pekerja Impor", extra: Partial<{ kec: string; kel: string; heir: string; date: string }> = {}) =>
  `${nik},${name},${extra.date ?? ""},,Jl. Impor 1,${extra.kec ?? KEC},${extra.kel ?? village},,Pedagang,,,DTKS,${extra.heir ?? "Ahli Waris"},istri,`;

const body = (data: Buffer | string) => new Blob([new Uint8Array(typeof data === "string" ? Buffer.from(data, "utf8") : data)]).stream();
let fileCounter = 0;
async function upload(data: Buffer | string, name = `daftar-${++fileCounter}.csv`, existing: "lewati" | "perbarui" = "lewati") {
  return stageUpload(officer, body(data), name, existing);
}
async function validated(data: Buffer | string, name?: string) {
  const { id } = await upload(data, name);
  await runImportValidation(id);
  return getImportBatchForViewer(officer, id);
}
const refused = async (data: Buffer | string, message: RegExp) => {
  const e = await upload(data).catch((x: unknown) => x);
  // Refusals are sentences for the officer: a UserFacingError, or an HttpError that carries its status (413).
  expect(e instanceof UserFacingError || e instanceof HttpError).toBe(true);
  expect((e as Error).message).toMatch(message);
};

async function xlsx(build: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  build(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

beforeAll(async () => {
  await createAreaUser("petugas.lebak@portal.test", "petugas", LEBAK);
  await createAreaUser("supervisor.lebak@portal.test", "supervisor", LEBAK);
  officer = await viewerFor("petugas.lebak@portal.test");
  supervisor = await viewerFor("supervisor.lebak@portal.test");
  village = await firstVillageOf(KEC);
  const sql = sqlOf();
  try {
    await sql`insert into regulations (regency_code, type, issuer, number, title, status, starts_on, quota, min_age_months, max_age_months, enacted_on)
      values (${LEBAK}, 'perbup', 'kabkota', 'Perbup Lebak Uji', 'Perbup Lebak uji impor', 'enacted', '2026-01-01', 3, 216, 779, '2026-01-01')`;
  } finally {
    await sql.end();
  }
});

describe("bulk import", () => {
  it("validates, then the supervisor commits: places in file order, the rest waits, incomplete rows become drafts", async () => {
    const a = makeNik();
    const [b, c, d] = [makeNik(), makeNik(), makeNik()];
    const demoNik = (await sqlOf()`select nik from workers where regency_code = '36.71' and status = 'aktif' limit 1`)[0]!.nik as string;
    const csv = [
      HEADER,
      row(a, "Siti O'Neil"),
      row(b),
      row(`${c.slice(0, 4)} ${c.slice(4, 8)}.${c.slice(8)}`), // spaces and dots typed by people
      row(d),
      row(makeNik(), "Tanpa Ahli Waris", { heir: "" }),
      row(a, "Duplikat"),
      row(demoNik, "Sudah Di Kota"),
      row("3.67101E+15", "Angka Ilmiah"),
      row(a.slice(1), "Lima Belas Digit"),
      row(makeNik(), "Tanggal Aneh", { date: "12 Maret 1985" }),
    ].join("\n");
    const batch = await validated(csv, "lebak.csv");
    expect(batch.status).toBe("tervalidasi");
    expect(batch.summary).toMatchObject({
      valid: 4,
      tidak_lengkap: 1,
      duplikat_berkas: 1,
      terdaftar_di_wilayah_lain: 1,
      galat: 3,
      akan_memegang_kuota: 3,
      akan_daftar_tunggu: 1,
    });
    const problems = await listImportProblemRowsForViewer(officer, batch.id);
    // Only "elsewhere": neither the area nor the status of another area's enrollment.
    expect(problems.find((p) => p.rowNo === 8)!.errors).toMatch(/NIK ini sudah terdaftar di wilayah lain\.$/);
    expect(problems.find((p) => p.rowNo === 8)!.errors).not.toMatch(/status|Kota Tangerang/);
    expect(problems.find((p) => p.rowNo === 9)!.errors).toMatch(/angka ilmiah/);
    expect(problems.find((p) => p.rowNo === 10)!.errors).toMatch(/15 digit/);
    expect(problems.find((p) => p.rowNo === 11)!.errors).toMatch(/YYYY-MM-DD, DD\/MM\/YYYY atau DD-MM-YYYY/);
    expect(problems.find((p) => p.rowNo === 7)!.errors).toMatch(/NIK sama dengan baris 2/);

    // The same file again is the same batch; an officer cannot commit in a two-step area.
    expect((await upload(csv, "lebak-lagi.csv")).id).toBe(batch.id);
    await expect(requestImportCommit(officer, batch.id)).rejects.toThrow("supervisor");
    await requestImportCommit(supervisor, batch.id);
    await runImportCommit(batch.id);
    const done = await getImportBatchForViewer(officer, batch.id);
    expect(done.status).toBe("selesai");
    // The uploaded file (it holds NIKs) is gone once the batch is finished.
    expect(await fileStore().stat(done.storedName)).toBeNull();
    const sql = sqlOf();
    try {
      const workers = await sql`select nik, name, status, import_batch_id from workers where import_batch_id = ${batch.id} order by id`;
      expect(workers.map((w) => [w.nik, w.status])).toEqual([
        [a, "diajukan"],
        [b, "diajukan"],
        [c, "diajukan"],
        [d, "daftar_tunggu"],
        [expect.any(String), "draft"],
      ]);
      expect(workers[0]!.name).toBe("Siti O'Neil");
      // Each row's heir is the first entry of the worker's list; the row without one has none.
      const heirs = await sql`select w.nik, h.name, h.relationship::text as relationship from workers w left join worker_heirs h on h.worker_id = w.id
        where w.import_batch_id = ${batch.id} order by w.id`;
      expect(heirs.map((h) => [h.name, h.relationship])).toEqual([
        ["Ahli Waris", "istri"],
        ["Ahli Waris", "istri"],
        ["Ahli Waris", "istri"],
        ["Ahli Waris", "istri"],
        [null, null],
      ]);
      const [reg] = await sql`select counted, quota from regulations where regency_code = ${LEBAK}`;
      expect(reg).toMatchObject({ counted: 3, quota: 3 });
      const audit = await sql`select action from audit_log where entity_id = ${batch.id} order by id`;
      expect(audit.map((x) => x.action)).toEqual(["import.upload", "import.problems_download", "import.approve", "import.commit"]);
      const [ev] = await sql`select reason from worker_events where worker_id = (select id from workers where nik = ${a} and status <> 'berakhir')`;
      expect(ev!.reason).toBe("Impor berkas lebak.csv");
    } finally {
      await sql.end();
    }
    // Running the commit again changes nothing.
    await runImportCommit(batch.id);
    expect((await sqlOf()`select count(*)::int as n from workers where import_batch_id = ${batch.id}`)[0]!.n).toBe(5);
  });

  it("with 'perbarui', a row's heir updates the list entry of that name or joins the list", async () => {
    const nik = makeNik();
    const first = await validated([HEADER, row(nik, "Perbarui Waris")].join("\n"));
    await requestImportCommit(supervisor, first.id);
    await runImportCommit(first.id);
    // Two later files (one NIK per file): the same heir's name with another relationship, then a new heir.
    for (const [n, line] of [
      row(nik, "Perbarui Waris").replace(",istri,", ",suami,"),
      row(nik, "Perbarui Waris", { heir: "Anak Impor" }).replace(",istri,", ",anak,"),
    ].entries()) {
      const { id } = await upload([HEADER, line].join("\n"), `perbarui-${n}.csv`, "perbarui");
      await runImportValidation(id);
      await requestImportCommit(supervisor, id);
      await runImportCommit(id);
    }
    const heirs = await sqlOf()`select h.name, h.relationship::text as relationship from worker_heirs h join workers w on w.id = h.worker_id
      where w.nik = ${nik} and w.status <> 'berakhir' order by h.name`;
    expect(heirs.map((h) => [h.name, h.relationship])).toEqual([
      ["Ahli Waris", "suami"],
      ["Anak Impor", "anak"],
    ]);
    // Each update is on the person's processing record, naming the file.
    const [w] = await sqlOf()`select id from workers where nik = ${nik} and status <> 'berakhir'`;
    const record = await getProcessingRecordForViewer(supervisor, w!.id);
    expect(record.audit.filter((a) => a.action === "worker.update").length).toBe(2);
  });

  it("imports a row whose birth date or sex differs from its NIK flagged: the one who commits imports them as typed or leaves them to fix", async () => {
    const withSex = (line: string, sex: string) => line.replace(/^([^,]*,[^,]*,[^,]*,)/, `$1${sex}`);
    const file = () => {
      const niks = [makeNik(), makeNik(), makeNik(), makeNik()];
      const csv = [
        HEADER,
        row(niks[0]!, "Cocok", { date: "12/03/1985" }),
        row(niks[1]!, "Tanggal Beda", { date: "1985-03-13" }),
        withSex(row(niks[2]!, "Kelamin Beda"), "P"),
        row(niks[3]!, "Beda Belum Lengkap", { date: "13-03-1985", heir: "" }),
      ].join("\n");
      return { niks, csv };
    };
    const sql = sqlOf();
    try {
      // Left out: the flagged rows become rows to fix, with what differs; only the good row lands.
      const one = file();
      const skip = await validated(one.csv, "bertanda-lewati.csv");
      expect(skip.summary).toMatchObject({ valid: 3, tidak_lengkap: 1, peringatan: 3 });
      expect(skip.summary!.galat ?? 0).toBe(0);
      const flagged = await listImportProblemRowsForViewer(officer, skip.id, "peringatan");
      expect(flagged.map((r) => [r.rowNo, r.errors])).toEqual([
        [3, "tanggal_lahir: Tanggal lahir 1985-03-13 berbeda dengan NIK (1985-03-12)."],
        [4, "jenis_kelamin: Jenis kelamin P berbeda dengan NIK (L)."],
        [5, "tanggal_lahir: Tanggal lahir 1985-03-13 berbeda dengan NIK (1985-03-12)."],
      ]);
      // No decision, no commit: the batch stays validated.
      await expect(requestImportCommit(supervisor, skip.id)).rejects.toThrow("Pilih dulu apa yang dilakukan dengan 3 baris bertanda");
      expect((await getImportBatchForViewer(officer, skip.id)).status).toBe("tervalidasi");
      await requestImportCommit(supervisor, skip.id, "lewati");
      await runImportCommit(skip.id);
      const skipped = await getImportBatchForViewer(officer, skip.id);
      expect(skipped.status).toBe("selesai");
      expect(skipped.summary).toMatchObject({ valid: 1, galat: 3, peringatan: 0 });
      expect((await sql`select nik from workers where import_batch_id = ${skip.id}`).map((w) => w.nik)).toEqual([one.niks[0]]);
      expect((await listImportProblemRowsForViewer(officer, skip.id)).map((r) => r.rowNo)).toEqual([3, 4, 5]);

      // Imported: as typed, as single registration keeps what the officer confirmed; the decision is audited.
      const two = file();
      const take = await validated(two.csv, "bertanda-impor.csv");
      await requestImportCommit(supervisor, take.id, "impor");
      await runImportCommit(take.id);
      const landed = await sql`select nik, birth_date::text as birth, sex, status from workers where import_batch_id = ${take.id} order by nik`;
      expect(landed.map((w) => [w.nik, w.birth, w.sex, w.status === "draft"])).toEqual([
        [two.niks[0], "1985-03-12", "L", false],
        [two.niks[1], "1985-03-13", "L", false],
        [two.niks[2], "1985-03-12", "P", false],
        [two.niks[3], "1985-03-13", "L", true],
      ]);
      const [approve] = await sql`select details from audit_log where entity_id = ${take.id} and action = 'import.approve'`;
      expect(approve!.details).toMatchObject({ flagged: 3, choice: "impor" });
    } finally {
      await sql.end();
    }
  });

  it("deletes a batch's staging rows once it ended longer ago than the retention period; the workers and the counts stay", async () => {
    const nik = makeNik();
    const batch = await validated([HEADER, row(nik, "Retensi", { heir: "" }), row("12345", "NIK Salah")].join("\n"), "retensi.csv");
    expect(batch.summary).toMatchObject({ tidak_lengkap: 1, galat: 1 });
    await requestImportCommit(supervisor, batch.id);
    await runImportCommit(batch.id);
    const live = await validated([HEADER, row(makeNik(), "Belum Diterapkan")].join("\n"), "retensi-belum.csv");
    const sql = sqlOf();
    const staged = async (id: string) => (await sql`select count(*)::int as n from import_rows where batch_id = ${id}`)[0]!.n;
    try {
      // Ended today: kept.
      await purgeEndedImportRows(30);
      expect(await staged(batch.id)).toBe(2);
      // Ended 31 days ago: the rows go, the batch says when; a batch validated lately waits for its go.
      await sql`update import_batches set ended_at = portal_now() - interval '31 days' where id = ${batch.id}`;
      await purgeEndedImportRows(30);
      expect(await staged(batch.id)).toBe(0);
      expect(await staged(live.id)).toBe(1);
      const after = await getImportBatchForViewer(officer, batch.id);
      expect(after.rowsPurgedAt).toBeInstanceOf(Date);
      expect(after.summary).toMatchObject({ tidak_lengkap: 1, galat: 1 });
      await expect(listImportProblemRowsForViewer(officer, batch.id)).rejects.toThrow("sudah dihapus (disimpan 30 hari setelah impor berakhir)");
      expect((await sql`select status from workers where nik = ${nik} and import_batch_id = ${batch.id}`)[0]!.status).toBe("draft");
      // Again: nothing more to do.
      const purgedAt = after.rowsPurgedAt;
      await purgeEndedImportRows(30);
      expect((await getImportBatchForViewer(officer, batch.id)).rowsPurgedAt).toEqual(purgedAt);
      // Validated 31 days ago and never committed: cancelled, its rows and its file gone, audited.
      await sql`update import_batches set validated_at = portal_now() - interval '31 days' where id = ${live.id}`;
      await purgeEndedImportRows(30);
      const expired = await getImportBatchForViewer(officer, live.id);
      expect(expired).toMatchObject({ status: "dibatalkan", error: "Dibatalkan otomatis: tidak diterapkan dalam 30 hari setelah validasi." });
      expect(expired.rowsPurgedAt).toBeInstanceOf(Date);
      expect(await staged(live.id)).toBe(0);
      expect(await fileStore().stat(expired.storedName)).toBeNull();
      expect((await sql`select action from audit_log where entity_id = ${live.id} order by id`).map((a) => a.action)).toEqual([
        "import.upload",
        "import.expire",
      ]);
      await expect(requestImportCommit(supervisor, live.id)).rejects.toThrow("belum tervalidasi atau sudah diterapkan");
    } finally {
      await sql.end();
    }
  });

  it("refuses files that are not worker lists, each with a clear message", async () => {
    await refused(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /Jenis berkas tidak didukung/);
    await refused("", /Berkas kosong\. Isi templat/);
    // "Export to Excel" of many web systems: an HTML table with an .xls name.
    await refused(
      `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"></head><body><table><tr><td>nik</td><td>nama</td></tr></table></body></html>`,
      /sebenarnya halaman web \(tabel HTML\).*Simpan Sebagai/,
    );
    await refused(`\uFEFF<table border="1"><tr><th>nik</th></tr></table>`, /tabel HTML/);
    await refused(Buffer.from(`${HEADER}\n${makeNik()},Budi S\xfc\xdf,,,,,,,,,,,,,\n`, "latin1"), /bukan UTF-8.*Windows-1252/);
    await refused(Buffer.alloc(60 * 1024 * 1024, 0x41), /lebih dari 50 MB/);
    const bomb = zip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(64 * 1024 * 1024, 0) },
    ]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    await refused(bomb, /zip bomb/);
    // A central directory that lies: it declares 1 KB for a sheet that inflates to 64 MB (the
    // local header, which a streaming reader follows, says so too: both are checked).
    const liar = zip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(64 * 1024 * 1024, 0), centralSize: 1024 },
    ]);
    await refused(liar, /tidak konsisten|zip bomb/);
    // Local and central headers naming different files.
    const twoNames = zip([
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.from("<worksheet/>"), centralName: "xl/worksheets/sheet2.xml" },
    ]);
    await refused(twoNames, /tidak konsisten/);
    // A shared-strings table past its cap (65 MB of text, compressed small).
    const strings = zip([
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/sharedStrings.xml", data: Buffer.alloc(65 * 1024 * 1024, 0x61) },
    ]);
    await refused(strings, /Tabel teks berkas XLSX terlalu besar|zip bomb/);
  });

  it("reports header problems on the batch: header only, missing required columns; notes unknown columns", async () => {
    expect(await validated(`${HEADER}\n`)).toMatchObject({ status: "gagal", error: "Berkas hanya berisi kepala kolom, tanpa baris data." });
    expect(await validated(`nik,alamat\n${makeNik()},Jl. A\n`)).toMatchObject({
      status: "gagal",
      error: expect.stringContaining("Kolom wajib tidak ada: nama"),
    });
    const extra = await validated(`nik;nama;warna_favorit;kode_kecamatan\n${makeNik()};Ani;biru;${KEC.replace(/\./g, "")}\n`);
    expect(extra).toMatchObject({ status: "tervalidasi", notes: ["Kolom tidak dikenal diabaikan: warna_favorit."], summary: { tidak_lengkap: 1 } });
  });

  it("reads quoted newlines, odd but valid dates, a BOM, and flags a row of 200 columns", async () => {
    const n1 = makeNik({ day: 12, month: 3, year: 1985 });
    const n2 = makeNik({ day: 12, month: 3, year: 1985 });
    const n3 = makeNik({ day: 12, month: 3, year: 1985 });
    const csv = `\uFEFF${HEADER}\n${n1},"Nama, Dengan Koma",12/03/1985,L,"Jl. Mawar\nRT 01 RW 02",${KEC},${village},,Pedagang,,,,Ahli,istri,\n${n2},Dua,12-03-1985,L,,${KEC},${village},,,,,,Ahli,istri,\n${n3},Tiga,${"x,".repeat(197)}x\n`;
    const batch = await validated(csv);
    expect(batch.summary).toMatchObject({ valid: 2, galat: 1 });
    const problems = await listImportProblemRowsForViewer(officer, batch.id);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.errors).toMatch(/200 kolom/);
  });

  it("accounts for every line after a quote that is never closed: that line is a problem row naming the lines, the rest are read", async () => {
    const good = [makeNik(), makeNik(), makeNik(), makeNik()];
    const csv =
      [
        HEADER,
        row(good[0]!, "Sebelum"),
        `${makeNik()},"Kutip Terbuka,,,Jl. A,${KEC},${village},,Pedagang,,,DTKS,Ahli,istri,`,
        row(good[1]!, "Sesudah Satu"),
        row(good[2]!, "Sesudah Dua"),
        row(good[3]!, "Sesudah Tiga"),
      ].join("\n") + "\n";
    const batch = await validated(csv);
    expect(batch.summary).toMatchObject({ valid: 4, galat: 1 });
    expect(batch.rowsTotal).toBe(5);
    const problems = await listImportProblemRowsForViewer(officer, batch.id);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.errors).toMatch(/Tanda kutip \(\"\) di baris 3 tidak pernah ditutup, sehingga baris 3–6 terbaca sebagai satu sel/);
  });

  it("reads the first sheet of an XLSX and flags formula cells, merged cells, NIKs Excel made numbers", async () => {
    const good = makeNik();
    const data = await xlsx((book) => {
      const s = book.addWorksheet("Data");
      s.addRow(HEADER.split(","));
      s.addRow([good, "Baik", "", "", "", KEC, village, "", "", "", "", "", "Ahli", "istri", ""]);
      s.addRow([Number(makeNik()), "Angka", "", "", "", KEC, village]);
      s.addRow([makeNik(), { formula: 'CONCAT("A","B")', result: "AB" }, "", "", "", KEC, village]);
      s.addRow([makeNik(), "Gabung"]);
      s.addRow([makeNik(), ""]);
      s.mergeCells("B5:B6");
      s.addRow([makeNik(), "Tanggal Excel", new Date(Date.UTC(1985, 2, 12))]);
      book.addWorksheet("Catatan").addRow(["abaikan saya"]);
    });
    const batch = await validated(data, "daftar.xlsx");
    expect(batch.fileKind).toBe("xlsx");
    expect(batch.notes).toContain("Berkas memiliki 2 lembar kerja; hanya lembar pertama yang dibaca.");
    const problems = await listImportProblemRowsForViewer(officer, batch.id);
    const byRow = Object.fromEntries(problems.map((p) => [p.rowNo, p.errors]));
    expect(byRow[3]).toMatch(/tersimpan sebagai angka/);
    expect(byRow[4]).toMatch(/rumus/);
    expect(byRow[6]).toMatch(/Nama wajib diisi/);
    expect(byRow[7]).toBeUndefined(); // a real Excel date is read as a date
    expect(batch.summary).toMatchObject({ valid: 1 });
  });
});
