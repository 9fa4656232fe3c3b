// `npm run bench:import`: 200,000 workers through the import, end to end (upload → validated →
// committed, the worker in its own process), for a clean CSV, a CSV with 5% bad rows and an XLSX;
// beside it, raw COPY of the same rows (a) into an empty copy of the workers table with the same
// indexes and constraints (the rows exactly as the import landed them) and (b) into a bare table. Prints rows/s, the ratios (target: end to
// end ≥ 0.5× of (a)) and the peak RSS of the web server and the worker (target ≤ 512 MB).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import ExcelJS from "exceljs";
import { sessionCookie, startStack } from "./stack.mjs";

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-bench-import-"));
const HEADER = ["nik", "nama", "kode_kecamatan", "kode_kelurahan", "alamat", "pekerjaan", "ahli_waris_nama", "ahli_waris_hubungan"];

/** Distinct valid NIKs issued in `regency` (4 digits, no dot), one per row; `bad` rows get a broken NIK. */
function* people(regencyDigits, villages, offset, badEvery = 0) {
  for (let i = 0; i < ROWS; i++) {
    const k = i + offset;
    const d = String((k % 28) + 1).padStart(2, "0");
    const m = String((Math.floor(k / 28) % 12) + 1).padStart(2, "0");
    const y = String(70 + (Math.floor(k / 336) % 30)).padStart(2, "0");
    const serial = String(Math.floor(k / 10080) + 1).padStart(4, "0");
    const v = villages[k % villages.length];
    const bad = badEvery && i % badEvery === 0;
    yield [
      bad ? `${regencyDigits}01${d}${m}` : `${regencyDigits}01${d}${m}${y}${serial}`,
      `Pekerja Bench ${k + 1}`,
      v.district,
      v.code,
      "Jl. Bench",
      "Pedagang",
      `Ahli Waris ${k + 1}`,
      "istri",
    ];
  }
}

function writeCsv(file, rows) {
  const out = fs.createWriteStream(file);
  out.write(HEADER.join(",") + "\n");
  for (const r of rows) out.write(r.join(",") + "\n");
  return new Promise((resolve) => out.end(resolve));
}

async function writeXlsx(file, rows) {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const sheet = book.addWorksheet("Pekerja");
  sheet.addRow(HEADER).commit();
  for (const r of rows) sheet.addRow(r).commit();
  sheet.commit();
  await book.commit();
}

const stack = await startStack("import", { worker: true, workerEnv: { WORKER_SWEEP_MS: "200" } });
const { sql, base } = stack;
try {
  const villagesOf = async (regency) =>
    (await sql`select v.code, v.district_code as district from villages v where v.district_code like ${regency + ".%"} order by v.code`).map((r) => r);
  // Room in the quota for everything: the benchmark measures landing rows, not the waiting list.
  await sql`update regulations set quota = 1000000 where regency_code in ('36.03', '36.71') and status = 'enacted'`;
  const cases = [
    { label: "CSV, semua baris valid", area: "36.03", user: "petugas.kabtangerang@portal.test", kind: "csv", bad: 0, offset: 0 },
    { label: "CSV, 5% baris salah", area: "36.71", user: "petugas.kotatangerang@portal.test", kind: "csv", bad: 20, offset: 0 },
    { label: "XLSX, semua baris valid", area: "36.03", user: "petugas.kabtangerang@portal.test", kind: "xlsx", bad: 0, offset: ROWS },
  ];
  const cookies = new Map();
  const results = [];
  for (const c of cases) {
    const villages = await villagesOf(c.area);
    const file = path.join(dir, `${c.area}-${c.bad}-${c.offset}.${c.kind}`);
    const rows = people(c.area.replace(".", ""), villages, c.offset, c.bad);
    if (c.kind === "csv") await writeCsv(file, rows);
    else await writeXlsx(file, rows);
    const size = fs.statSync(file).size;
    cookies.set(c.user, cookies.get(c.user) ?? (await sessionCookie(base, c.user)));
    const t0 = performance.now();
    const res = await fetch(`${base}/api/imports?nama=${path.basename(file)}`, {
      method: "POST",
      body: Readable.toWeb(fs.createReadStream(file)),
      duplex: "half",
      // A write to a route carries the portal's own Origin, as the browser's upload form does.
      headers: {
        cookie: cookies.get(c.user),
        origin: base,
        "content-type": c.kind === "csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      },
    });
    const { id, message } = await res.json();
    if (!id) throw new Error(`unggah gagal: ${message}`);
    const t1 = performance.now();
    const wait = async (status) => {
      for (;;) {
        const [b] = await sql`select status, error from import_batches where id = ${id}`;
        if (b.status === status) return;
        if (b.status === "gagal") throw new Error(b.error);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await wait("tervalidasi");
    const t2 = performance.now();
    // The commit as the officer's go would record it (the area is set to one step here).
    const [u] = await sql`select id from users where email = ${c.user}`;
    await sql`update import_batches set status = 'menerapkan', committed_by = ${u.id}, phase_started_at = now() where id = ${id}`;
    await wait("selesai");
    const t3 = performance.now();
    const [{ n }] = await sql`select count(*)::int as n from workers where import_batch_id = ${id}`;
    results.push({ ...c, id, size, n, upload: (t1 - t0) / 1000, validate: (t2 - t1) / 1000, commit: (t3 - t2) / 1000, total: (t3 - t0) / 1000 });
    console.log(
      `${c.label}: ${n.toLocaleString("id-ID")} pekerja; unggah ${((t1 - t0) / 1000).toFixed(1)} s, validasi ${((t2 - t1) / 1000).toFixed(1)} s, terapkan ${((t3 - t2) / 1000).toFixed(1)} s`,
    );
  }

  // Raw COPY for the physical limits. (a): the very rows the first case landed, every column as
  // the import wrote it (same values, so the same foreign keys are checked), copied out of
  // `workers` to a file first; only the COPY into the empty table is timed. (a′): the same people
  // as thin drafts (no occupation, regulation or author: three foreign keys fewer), the figure
  // the first version of this benchmark used, printed for comparison. (b): the thin rows into a
  // bare table.
  const LANDED =
    "nik, name, birth_date, sex, address, regency_code, district_code, village_code, phone, occupation_id, income, kk_number, source, status, regulation_id, submitted_at, created_by, import_batch_id, status_since";
  const landedFile = path.join(dir, "landed.csv");
  const heirsFile = path.join(dir, "landed-heirs.csv");
  const HEIRS = "worker_id, name, relationship, nik, created_by";
  {
    // Read with a plain query (every value as text) and written as CSV: NULL empty, text quoted.
    const landed = await sql
      .unsafe(
        `select ${LANDED.split(", ")
          .map((c) => `${c}::text`)
          .join(", ")} from workers where import_batch_id = $1 order by id`,
        [results[0].id],
      )
      .values();
    const csv = (v) => (v === null ? "" : `"${v.replace(/"/g, '""')}"`);
    fs.writeFileSync(landedFile, landed.map((r) => r.map(csv).join(",")).join("\n") + "\n");
    // And the heir each row brought (the first entry of its worker's list), landed beside it.
    const heirs = await sql
      .unsafe(
        `select h.worker_id::text, h.name, h.relationship::text, h.nik, h.created_by::text from worker_heirs h join workers w on w.id = h.worker_id
          where w.import_batch_id = $1 order by h.id`,
        [results[0].id],
      )
      .values();
    fs.writeFileSync(heirsFile, heirs.map((r) => r.map(csv).join(",")).join("\n") + "\n");
  }
  const copyInto = async (table, columns, source) => {
    const t = performance.now();
    await sql.begin(async (tx) => {
      const w = await tx.unsafe(`copy ${table} (${columns}) from stdin with (format csv)`).writable();
      await pipeline(source(), w);
    });
    return (performance.now() - t) / 1000;
  };
  const thin = async () => {
    const villages = await villagesOf("36.03");
    return Readable.from(
      (function* () {
        for (const r of people("3603", villages, 0)) yield `${r[0]},${r[1]},1985-01-01,L,${r[4]},36.03,${r[2]},${r[3]},draft\n`;
      })(),
    );
  };
  const THIN = "nik, name, birth_date, sex, address, regency_code, district_code, village_code, status";
  for (const table of ["bench_workers", "bench_workers_thin"]) {
    await sql.unsafe(`create table ${table} (like workers including all)`);
    // LIKE copies checks and indexes but not foreign keys: add the workers table's own.
    for (const { def } of await sql`select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'workers'::regclass and contype = 'f'`) {
      await sql.unsafe(`alter table ${table} add ${def}`);
    }
  }
  await sql`create table bench_bare (nik text, name text, birth_date date, sex text, address text, regency_code text, district_code text, village_code text, status text)`;
  const thinSource = await thin();
  await sql.unsafe(`create table bench_heirs (like worker_heirs including all)`);
  for (const { def } of await sql`select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'worker_heirs'::regclass and contype = 'f'`) {
    await sql.unsafe(`alter table bench_heirs add ${def}`);
  }
  // (a) lands the workers and their heirs, as the import does.
  const copyIndexed =
    (await copyInto("bench_workers", LANDED, () => fs.createReadStream(landedFile))) +
    (await copyInto("bench_heirs", HEIRS, () => fs.createReadStream(heirsFile)));
  const copyThin = await copyInto("bench_workers_thin", THIN, () => thinSource);
  const bareSource = await thin();
  const copyBare = await copyInto("bench_bare", THIN, () => bareSource);
  const peak = (pid) => {
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))[1]);
      return kb / 1024;
    } catch {
      return NaN;
    }
  };
  const webPeak = peak(stack.server.pid);
  const workerPeak = peak(stack.worker.pid);
  const rate = (rows, s) => Math.round(rows / s).toLocaleString("id-ID");
  console.log(`\n| Jalur | Berkas | Baris | Unggah (s) | Validasi (s) | Terapkan (s) | Total (s) | Baris/detik | Rasio terhadap (a) |`);
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    console.log(
      `| ${r.label} | ${(r.size / 1024 / 1024).toFixed(1)} MB | ${ROWS.toLocaleString("id-ID")} (${r.n.toLocaleString("id-ID")} masuk) | ${r.upload.toFixed(1)} | ${r.validate.toFixed(1)} | ${r.commit.toFixed(1)} | ${r.total.toFixed(1)} | ${rate(ROWS, r.total)} | ${(copyIndexed / r.total).toFixed(2)}× |`,
    );
  }
  console.log(
    `| (a) COPY baris yang sama (seperti didaratkan impor) ke salinan tabel workers dan worker_heirs (indeks dan constraint sama) | | ${ROWS.toLocaleString("id-ID")} | | | | ${copyIndexed.toFixed(1)} | ${rate(ROWS, copyIndexed)} | 1,00× |`,
  );
  console.log(
    `| (a′) COPY baris tipis (draf tanpa pekerjaan, regulasi, pembuat) ke salinan tabel workers | | ${ROWS.toLocaleString("id-ID")} | | | | ${copyThin.toFixed(1)} | ${rate(ROWS, copyThin)} | ${(copyIndexed / copyThin).toFixed(2)}× |`,
  );
  console.log(
    `| (b) COPY ke tabel polos | | ${ROWS.toLocaleString("id-ID")} | | | | ${copyBare.toFixed(1)} | ${rate(ROWS, copyBare)} | ${(copyIndexed / copyBare).toFixed(2)}× |`,
  );
  console.log(`\nRSS puncak: server web ${webPeak.toFixed(0)} MB, pekerja latar ${workerPeak.toFixed(0)} MB (target ≤ 512 MB).`);
  console.log("Target: ujung ke ujung ≥ 0,5× laju (a).");
  for (const r of results) console.log(`${r.label}: ${(copyIndexed / r.total).toFixed(2)}× (a), ${(copyThin / r.total).toFixed(2)}× (a′)`);
} finally {
  await stack.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
