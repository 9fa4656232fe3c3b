// Crash safety of bulk import: the worker runs as its own process (as `npm start` runs it),
// is killed with SIGKILL in the middle of validation and in the middle of commit (after at least
// one chunk was committed) on 20,000 rows, and started again. Every valid row must exist exactly
// once, and quota counters and dashboard aggregates must equal a recount, also with single
// registrations happening during the commit.
import type { ChildProcess } from "node:child_process";
import { afterAll, describe, expect, inject, it } from "vitest";
import { connect } from "@/db/connection";
import { requestImportCommit } from "@/lib/data/imports";
import { registerWorker } from "@/lib/data/workers";
import { kill9, startWorker as startWorkerProcess, until } from "../support/worker-process";
import { importArea, uploadRows, type ImportArea } from "../support/import-area";
import { claimNikNamespace, workerInput } from "../support/workers";

claimNikNamespace(6);

const PANDEGLANG = "36.01"; // Kabupaten Pandeglang: no demo data, used only by this file
const SERANG = "36.04"; // Kabupaten Serang: likewise
const SUKABUMI = "32.02"; // Kabupaten Sukabumi: likewise
const ROWS = 20_000;
const sql = connect(inject("databaseUrl"), 2).sql;
let worker: ChildProcess | null = null;

function startWorker() {
  worker = startWorkerProcess();
  return worker;
}

const batchRow = async (id: string) => (await sql`select status, validated_through, committed_through, rows_total from import_batches where id = ${id}`)[0]!;

type Area = ImportArea;
const area = importArea;
const upload = (a: Area) => uploadRows(a, ROWS);

/** Every staged row is a worker of the batch exactly once; the cap is exact; aggregates equal a recount. */
async function expectConsistent(a: Area, id: string, expected: Record<string, number>) {
  const [counts] = await sql`select count(*)::int as n, count(distinct nik)::int as niks from workers where import_batch_id = ${id}`;
  expect(counts).toMatchObject({ n: ROWS, niks: ROWS });
  expect((await sql`select count(*)::int as n from worker_events e join workers w on w.id = e.worker_id where w.import_batch_id = ${id}`)[0]!.n).toBe(ROWS);
  expect(
    (
      await sql`select count(*)::int as n from import_rows r where r.batch_id = ${id} and not exists (select 1 from workers w where w.import_batch_id = ${id} and w.nik = r.nik_norm)`
    )[0]!.n,
  ).toBe(0);
  const [reg] =
    await sql`select r.quota, r.counted, (select count(*)::int from workers w where w.regulation_id = r.id) as holders from regulations r where r.id = ${a.regulationId}`;
  expect(reg!.counted).toBe(reg!.holders);
  expect(reg!.counted).toBeLessThanOrEqual(reg!.quota);
  const byStatus = await sql`select status, count(*)::int as n from workers where regency_code = ${a.code} group by 1 order by 1`;
  expect(Object.fromEntries(byStatus.map((s) => [s.status, s.n]))).toEqual(expected);
  const agg = await sql`select status, sum(n)::int as n from agg_current where regency_code = ${a.code} group by 1 having sum(n) <> 0 order by 1`;
  expect(agg).toEqual(byStatus);
  const areaDaily =
    await sql`select status, sum(delta)::int as n from agg_area_daily where regency_code = ${a.code} group by 1 having sum(delta) <> 0 order by 1`;
  expect(areaDaily).toEqual(byStatus);
}

/** Kill -9 in validation and after at least one committed chunk, with 20 single registrations meanwhile. */
async function crashThrough(a: Area, quota: number) {
  const id = await upload(a);
  let w = startWorker();
  await until(
    "rows being validated",
    () => batchRow(id),
    (b) => b.validated_through >= 2000,
  );
  await kill9(w);
  const mid = await batchRow(id);
  expect(mid.status).toBe("memvalidasi");
  expect(mid.validated_through).toBeLessThan(ROWS);
  w = startWorker();
  await until(
    "validation",
    () => batchRow(id),
    (b) => b.status === "tervalidasi",
  );
  const [summary] = await sql`select summary from import_batches where id = ${id}`;
  expect(summary!.summary).toMatchObject({ valid: ROWS, akan_memegang_kuota: Math.min(quota, ROWS), akan_daftar_tunggu: Math.max(0, ROWS - quota) });

  await requestImportCommit(a.supervisor, id);
  await until(
    "a committed chunk",
    () => batchRow(id),
    (b) => b.committed_through >= 500,
  );
  await kill9(w);
  const cut = await batchRow(id);
  expect(cut.status).toBe("menerapkan");
  expect(cut.committed_through).toBeLessThan(ROWS);
  const singles = Promise.all(Array.from({ length: 20 }, () => registerWorker(a.officer, workerInput({ districtCode: a.kec, villageCode: a.village }))));
  w = startWorker();
  await singles;
  await until(
    "commit",
    () => batchRow(id),
    (b) => b.status === "selesai",
  );
  await kill9(w);
  return id;
}

afterAll(async () => {
  if (worker && worker.exitCode === null && worker.signalCode === null) await kill9(worker);
  await sql.end({ timeout: 5 });
});

describe("bulk import crash safety", () => {
  it(
    "quota tighter than the file (one chunk at a time): resumes after kill -9 in validation and in commit; every row once; the cap exact",
    { timeout: 300_000 },
    async () => {
      const a = await area(PANDEGLANG, 15_000);
      const id = await crashThrough(a, 15_000);
      const [reg] = await sql`select counted from regulations where id = ${a.regulationId}`;
      expect(reg!.counted).toBe(15_000);
      await expectConsistent(a, id, { diajukan: 15_000, daftar_tunggu: ROWS + 20 - 15_000 });
      // Places in file order: the holders from the file are its first rows.
      const [order] =
        await sql`select max(r.row_no) filter (where w.status = 'diajukan')::int as last_held, min(r.row_no) filter (where w.status = 'daftar_tunggu')::int as first_waiting
      from import_rows r join workers w on w.import_batch_id = ${id} and w.nik = r.nik_norm where r.batch_id = ${id}`;
      expect(order!.last_held).toBeLessThan(order!.first_waiting);
    },
  );

  it(
    "room for every row (chunks side by side): resumes after kill -9 in commit; every row once; counters and aggregates equal a recount",
    { timeout: 300_000 },
    async () => {
      const a = await area(SERANG, 100_000);
      const id = await crashThrough(a, 100_000);
      await expectConsistent(a, id, { diajukan: ROWS + 20 });
    },
  );

  it("chunks side by side whose room is taken meanwhile fall back to file order without passing the quota", { timeout: 300_000 }, async () => {
    const a = await area(SUKABUMI, ROWS);
    const id = await upload(a);
    const w = startWorker();
    await until(
      "validation",
      () => batchRow(id),
      (b) => b.status === "tervalidasi",
    );
    // Another transaction takes 5,000 places and holds its lock: the import sees room for every
    // row, its first chunks wait on the lock, then find the room gone.
    const held = sql.reserve();
    const c = await held;
    await c`begin`;
    await c`update regulations set counted = counted + 5000 where id = ${a.regulationId}`;
    await requestImportCommit(a.supervisor, id);
    await new Promise((r) => setTimeout(r, 1500));
    await c`commit`;
    c.release();
    await until(
      "commit",
      () => batchRow(id),
      (b) => b.status === "selesai",
    );
    await kill9(w);
    await sql`update regulations set counted = counted - 5000 where id = ${a.regulationId}`;
    await expectConsistent(a, id, { diajukan: ROWS - 5000, daftar_tunggu: 5000 });
    const [order] =
      await sql`select max(r.row_no) filter (where w.status = 'diajukan')::int as last_held, min(r.row_no) filter (where w.status = 'daftar_tunggu')::int as first_waiting
      from import_rows r join workers w on w.import_batch_id = ${id} and w.nik = r.nik_norm where r.batch_id = ${id}`;
    expect(order!.last_held).toBeLessThan(order!.first_waiting);
  });
});
