// `npm run bench:billing`: contributions at scale on a throwaway database. 200,000 aktif workers
// in one regulation (Kota Serang, one branch): draft the month, issue, record and confirm one SP2D
// for the whole month, reconcile a 200,000-row BPJS list with 2% differences. Each step goes
// through the portal's own data functions (as the pages call them) and is compared with a fixed
// bare baseline: drafting vs one INSERT … SELECT of the same lines straight from `workers` (no
// history join, into bill_lines itself, rolled back); confirming vs one UPDATE of the same people's paid
// column in `workers` (its triggers off). Prints times, ratios and peak memory. A benchmark, not a test.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { freePort, startEmbeddedPostgres } from "../embedded-db.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const N = Number(process.env.BENCH_WORKERS ?? 200_000);
const AREA = "36.73";
const MONTH = "2026-11";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-bench-billing-"));
fs.chmodSync(dir, 0o755);
const database = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), database: "portal_billing" });
Object.assign(process.env, {
  DATABASE_URL: database.url,
  PORTAL_MODE: "test",
  PORTAL_CLOCK: "2026-11-24T03:00:00Z",
  AUTH_SECRET: "bench-secret-not-for-production-0123456789",
  NEXT_TELEMETRY_DISABLED: "1",
});
const prep = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "db/prepare.ts", "--demo"], {
  cwd: root,
  env: process.env,
  stdio: "inherit",
});
if (prep.status !== 0) throw new Error("Persiapan database gagal");

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const sql = postgres(database.url, { max: 2, onnotice: () => {} });
const { closeDb } = await import("@/db/client");
const { draftBillsForViewer, issueBill, listBillsForViewer } = await import("@/lib/data/billing");
const { confirmPaymentPart, getPaymentForViewer, recordPayment } = await import("@/lib/data/payments");
const { reconcileForViewer } = await import("@/lib/data/reconciliations");
const { readBpjsList } = await import("@/lib/imports/bpjs-list");
const { loadViewer } = await import("@/lib/data/viewer");

async function viewer(email: string) {
  const [u] = await sql`select id, session_version from users where email = ${email}`;
  return (await loadViewer(u!.id, u!.session_version))!;
}
const time = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const r = await f();
  return [r, (performance.now() - t) / 1000];
};

try {
  // One branch for the whole of Kota Serang, its head, the area's supervisor and an enacted regulation.
  const [kanwil] = await sql`select id from offices where kind = 'kantor_wilayah' and province_code = '36'`;
  const [office] =
    await sql`insert into offices (kind, name, parent_id, province_code) values ('kantor_cabang', 'KC Bench Serang', ${kanwil!.id}, '36') returning id`;
  await sql`insert into branch_coverage (district_code, office_id) select code, ${office!.id} from districts where regency_code = ${AREA}`;
  await sql`insert into users (email, name, password_hash, role, office_id) values ('kacab.bench@portal.test', 'Kacab Bench', 'x', 'kepala_cabang', ${office!.id})`;
  await sql`insert into users (email, name, password_hash, role, regency_code) values ('supervisor.bench@portal.test', 'Supervisor Bench', 'x', 'supervisor', ${AREA})`;
  const [reg] =
    await sql`insert into regulations (regency_code, type, issuer, number, title, status, starts_on, quota, min_age_months, max_age_months, enacted_on)
    values (${AREA}, 'perwal', 'kabkota', 'Perwal Bench', 'Regulasi bench iuran', 'enacted', '2026-01-01', ${N}, 216, 779, '2026-01-01') returning id`;
  const R = reg!.id as number;
  const districts = (await sql`select code from districts where regency_code = ${AREA} order by code`).map((d) => d.code as string);
  const t = performance.now();
  await sql`insert into workers (nik, name, birth_date, sex, regency_code, district_code, status, regulation_id, kpj_number, coverage_start, submitted_at)
    select '3673' || lpad(g::text, 12, '0'), 'Bench ' || g, date '1970-01-01' + (g % 10000), case when g % 2 = 0 then 'L' else 'P' end, ${AREA},
           (${districts}::text[])[1 + g % ${districts.length}], 'aktif', ${R}, 'K' || lpad(g::text, 10, '0'), date '2026-10-01' + (g % 20), now()
      from generate_series(1, ${N}) g`;
  await sql`update regulations set counted = ${N} where id = ${R}`;
  await sql`vacuum analyze`;
  if (process.env.BENCH_ONLY_LOAD === "1") throw new Error("hanya memuat (BENCH_ONLY_LOAD)");
  console.log(`${N.toLocaleString("id-ID")} pekerja aktif dimuat (${((performance.now() - t) / 1000).toFixed(1)} s).`);

  const supervisor = await viewer("supervisor.bench@portal.test");
  const head = await viewer("kacab.bench@portal.test");

  // Baseline (a): the same lines straight from workers, into bill_lines itself (its indexes,
  // foreign keys and checks) on a throwaway draft bill of another month, rolled back: the same
  // writes, none of the history logic.
  let bareDraft = 0;
  await sql
    .begin(async (tx) => {
      const [b] = await tx`insert into bills (regulation_id, regency_code, office_id, month) values (${R}, ${AREA}, ${office!.id}, '2026-10-01') returning id`;
      const t0 = performance.now();
      await tx`insert into bill_lines (bill_id, worker_id, nik, district_code, month, kind, jkk, jkm, amount)
        select ${b!.id}, id, nik, district_code, '2026-10-01', 'iuran', 10000, 6800, 16800 from workers where regulation_id = ${R} and status = 'aktif'`;
      bareDraft = (performance.now() - t0) / 1000;
      throw new Error("rollback");
    })
    .catch((e: Error) => {
      if (e.message !== "rollback") throw e;
    });
  const [draft, draftS] = await time(() => draftBillsForViewer(supervisor, { regulationId: R, month: MONTH }));
  console.log(`Susun tagihan: ${draftS.toFixed(2)} s (${draft.added.toLocaleString("id-ID")} baris); dasar INSERT … SELECT ${bareDraft.toFixed(2)} s`);
  const [again, againS] = await time(() => draftBillsForViewer(supervisor, { regulationId: R, month: MONTH }));
  console.log(`Susun ulang (tidak ada baris baru: ${again.added}): ${againS.toFixed(2)} s`);

  const bills = await listBillsForViewer(head, { regulationId: R });
  const [, issueS] = await time(async () => {
    for (const b of bills) await issueBill(head, b.id, "36732026110");
  });
  const total = bills.reduce((s, b) => s + b.total, 0);
  const [payment, recordS] = await time(() =>
    recordPayment(supervisor, {
      regulationId: R,
      number: "SP2D-BENCH-1",
      paidOn: "2026-11-20",
      amount: total,
      idempotencyKey: crypto.randomUUID(),
      billIds: null,
      acceptOverBudget: true,
    }),
  );
  const parts = (await getPaymentForViewer(supervisor, payment.id)).parts;
  // Baseline (b): one UPDATE of the same workers' paid column, with the table's triggers off.
  await sql`alter table workers add column bench_paid_through date`;
  const [, bareConfirm] = await time(() =>
    sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx`update workers set bench_paid_through = ${`${MONTH}-01`}::date where regulation_id = ${R}`;
    }),
  );
  const [, confirmS] = await time(async () => {
    for (const p of parts) await confirmPaymentPart(head, p.id, "TBPI-BENCH");
  });
  console.log(
    `Terbitkan: ${issueS.toFixed(2)} s; catat dan alokasikan SP2D: ${recordS.toFixed(2)} s; konfirmasi: ${confirmS.toFixed(2)} s; dasar UPDATE ${bareConfirm.toFixed(2)} s`,
  );

  // BPJS's list: every participant, 2% different (1% dead per BPJS, 0.5% other last month, 0.5% missing, plus 0.5% only in BPJS).
  const file = path.join(dir, "bpjs.csv");
  const out = fs.createWriteStream(file);
  out.write("kpj,nik,nama,status_kepesertaan,bulan_iuran_terakhir\n");
  const people = await sql`select nik, kpj_number as kpj, name from workers where regulation_id = ${R} order by id`;
  people.forEach((p, i) => {
    if (i % 200 === 3) return;
    const status = i % 100 === 7 ? "meninggal" : "aktif";
    const month = i % 200 === 11 ? "2026-10" : MONTH;
    out.write(`${p.kpj},${p.nik},${p.name},${status},${month}\n`);
  });
  for (let i = 0; i < people.length / 200; i++)
    out.write(`X${String(i).padStart(9, "0")},3673990000${String(i).padStart(6, "0")},Hanya BPJS ${i},aktif,${MONTH}\n`);
  await new Promise((r) => out.end(r));
  // Reading alone (the import's reader and the row checks), to see what the comparison adds.
  const [readRows, readS] = await time(async () => {
    let n = 0;
    for await (const b of readBpjsList(file, "csv")) n += b.length;
    return n;
  });
  console.log(`Membaca berkas BPJS saja (${readRows.toLocaleString("id-ID")} baris): ${readS.toFixed(2)} s`);
  const [rec, recS] = await time(() =>
    reconcileForViewer(head, { regulationId: R, month: MONTH, fileId: null as unknown as string, fileName: "bpjs.csv", list: readBpjsList(file, "csv") }),
  );
  console.log(`Rekonsiliasi ${rec.rows.toLocaleString("id-ID")} baris: ${recS.toFixed(2)} s`, rec.counts);

  console.log("\n| Langkah | Waktu | Dasar | Rasio | Target |");
  console.log("|---|---|---|---|---|");
  console.log(
    `| Susun tagihan (${draft.added.toLocaleString("id-ID")} baris) | ${draftS.toFixed(2)} s | ${bareDraft.toFixed(2)} s | ${(draftS / bareDraft).toFixed(2)}× | ≤ 3× |`,
  );
  console.log(`| Terbitkan | ${issueS.toFixed(2)} s | — | — | — |`);
  console.log(`| Catat dan alokasikan satu SP2D | ${recordS.toFixed(2)} s | — | — | — |`);
  console.log(`| Konfirmasi | ${confirmS.toFixed(2)} s | ${bareConfirm.toFixed(2)} s | ${(confirmS / bareConfirm).toFixed(2)}× | ≤ 3× |`);
  console.log(`| Rekonsiliasi ${rec.rows.toLocaleString("id-ID")} baris | ${recS.toFixed(2)} s | — | — | ≤ 20 s |`);
  console.log(`| Memori puncak proses | ${(peak / 1024 / 1024).toFixed(0)} MB | — | — | ≤ 512 MB |`);
} finally {
  clearInterval(sampler);
  await sql.end({ timeout: 5 });
  await closeDb();
  // BENCH_KEEP=1 leaves the database running for EXPLAIN (its URL is printed).
  if (process.env.BENCH_KEEP === "1") console.log(`Database dibiarkan berjalan: ${database.url}`);
  else {
    await Promise.race([database.stop(), new Promise((r) => setTimeout(r, 10_000))]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
