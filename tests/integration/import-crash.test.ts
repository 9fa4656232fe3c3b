// Crash safety of bulk import: the worker runs as its own process (as `npm start` runs it),
// is killed with SIGKILL in the middle of validation and in the middle of commit (after at least
// one chunk was committed) on 20,000 rows, and started again. Every valid row must exist exactly
// once, and quota counters and dashboard aggregates must equal a recount, also with single
// registrations happening during the commit.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "@/db/connection";
import type { Viewer } from "@/lib/authz/viewer";
import { requestImportCommit } from "@/lib/data/imports";
import { registerWorker } from "@/lib/data/workers";
import { stageUpload } from "@/lib/imports/upload";
import { createAreaUser, firstVillageOf } from "../support/areas";
import { viewerFor } from "../support/viewers";
import { claimNikNamespace, workerInput } from "../support/workers";

claimNikNamespace(6);

const PANDEGLANG = "36.01"; // Kabupaten Pandeglang: no demo data, used only by this file
const KEC = "36.01.01";
const ROWS = 20_000;
const QUOTA = 15_000;
const root = path.resolve(import.meta.dirname, "../..");
const sql = connect(inject("databaseUrl"), 2).sql;
let supervisor: Viewer;
let officer: Viewer;
let village: string;
let worker: ChildProcess | null = null;

function startWorker() {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "worker/main.ts"], {
    cwd: root,
    env: { ...process.env, IMPORT_COMMIT_CHUNK: "500", WORKER_SWEEP_MS: "300" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr!.on("data", (d: Buffer) => process.stderr.write(`[pekerja] ${d}`));
  child.stdout!.on("data", (d: Buffer) => process.stdout.write(`${d}`));
  worker = child;
  return child;
}

function kill9(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timeout waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
const batchRow = async (id: string) => (await sql`select status, validated_through, committed_through, rows_total from import_batches where id = ${id}`)[0]!;

beforeAll(async () => {
  await createAreaUser("petugas.pandeglang@portal.test", "petugas", PANDEGLANG);
  await createAreaUser("supervisor.pandeglang@portal.test", "supervisor", PANDEGLANG);
  officer = await viewerFor("petugas.pandeglang@portal.test");
  supervisor = await viewerFor("supervisor.pandeglang@portal.test");
  village = await firstVillageOf(KEC);
  await sql`insert into regulations (regency_code, type, issuer, number, title, status, starts_on, quota, min_age_months, max_age_months, enacted_on)
    values (${PANDEGLANG}, 'perbup', 'kabkota', 'Perbup Pandeglang Uji', 'Perbup Pandeglang uji impor', 'enacted', '2026-01-01', ${QUOTA}, 216, 779, '2026-01-01')`;
});

afterAll(async () => {
  if (worker && worker.exitCode === null && worker.signalCode === null) await kill9(worker);
  await sql.end({ timeout: 5 });
});

describe("bulk import crash safety", () => {
  it("resumes after kill -9 in validation and in commit; every row exactly once; counters and aggregates equal a recount", { timeout: 300_000 }, async () => {
    // 20,000 distinct NIKs issued in Pandeglang (birth dates 1985, serials 1–60).
    const lines = ["nik,nama,kode_kecamatan,kode_kelurahan,ahli_waris_nama,ahli_waris_hubungan"];
    for (let i = 0; i < ROWS; i++) {
      const d = String((i % 28) + 1).padStart(2, "0");
      const m = String((Math.floor(i / 28) % 12) + 1).padStart(2, "0");
      const serial = String(Math.floor(i / 336) + 1).padStart(4, "0");
      lines.push(`360101${d}${m}85${serial},Pekerja Massal ${i + 1},${KEC},${village},Ahli Waris ${i + 1},istri`);
    }
    const { id } = await stageUpload(officer, new Blob([lines.join("\n")]).stream(), "pandeglang-20000.csv", "lewati");

    // Validation: killed once rows are being read and validated, before it ends.
    let w = startWorker();
    await until("rows being validated", () => batchRow(id), (b) => b.validated_through >= 2000);
    await kill9(w);
    const mid = await batchRow(id);
    expect(mid.status).toBe("memvalidasi");
    expect(mid.validated_through).toBeLessThan(ROWS);
    w = startWorker();
    await until("validation", () => batchRow(id), (b) => b.status === "tervalidasi");
    const [summary] = await sql`select summary from import_batches where id = ${id}`;
    expect(summary!.summary).toMatchObject({ valid: ROWS, akan_memegang_kuota: QUOTA, akan_daftar_tunggu: ROWS - QUOTA });

    // Commit: killed after at least one chunk was committed; single registrations run meanwhile.
    await requestImportCommit(supervisor, id);
    await until("a committed chunk", () => batchRow(id), (b) => b.committed_through >= 500);
    await kill9(w);
    const cut = await batchRow(id);
    expect(cut.status).toBe("menerapkan");
    expect(cut.committed_through).toBeLessThan(ROWS);
    const singles = Promise.all(Array.from({ length: 20 }, () => registerWorker(officer, workerInput({ districtCode: KEC, villageCode: village }))));
    w = startWorker();
    await singles;
    await until("commit", () => batchRow(id), (b) => b.status === "selesai");
    await kill9(w);

    const [counts] = await sql`select count(*)::int as n, count(distinct nik)::int as niks,
        count(*) filter (where status = 'diajukan')::int as held, count(*) filter (where status = 'daftar_tunggu')::int as waiting
      from workers where import_batch_id = ${id}`;
    expect(counts).toMatchObject({ n: ROWS, niks: ROWS });
    expect((await sql`select count(*)::int as n from worker_events e join workers w on w.id = e.worker_id where w.import_batch_id = ${id}`)[0]!.n).toBe(ROWS);
    // Every staged row is a worker of this batch, matched by NIK.
    expect((await sql`select count(*)::int as n from import_rows r where r.batch_id = ${id} and not exists (select 1 from workers w where w.import_batch_id = ${id} and w.nik = r.nik_norm)`)[0]!.n).toBe(0);
    // The cap is exact: the regulation is full, its counter equals its holders.
    const [reg] = await sql`select r.quota, r.counted, (select count(*)::int from workers w where w.regulation_id = r.id) as holders from regulations r where r.regency_code = ${PANDEGLANG}`;
    expect(reg).toMatchObject({ quota: QUOTA, counted: QUOTA, holders: QUOTA });
    const area = await sql`select status, count(*)::int as n from workers where regency_code = ${PANDEGLANG} group by 1 order by 1`;
    expect(Object.fromEntries(area.map((a) => [a.status, a.n]))).toEqual({ diajukan: QUOTA, daftar_tunggu: ROWS + 20 - QUOTA });
    // Dashboard aggregates equal a recount of the area.
    const agg = await sql`select status, sum(n)::int as n from agg_current where regency_code = ${PANDEGLANG} group by 1 having sum(n) <> 0 order by 1`;
    expect(agg).toEqual(area);
    const areaDaily = await sql`select status, sum(delta)::int as n from agg_area_daily where regency_code = ${PANDEGLANG} group by 1 having sum(delta) <> 0 order by 1`;
    expect(areaDaily).toEqual(area);
  });
});
