// The room for scheduled work: two worker processes on one batch run each phase once (the lease);
// a batch whose phase keeps failing ends as gagal with a reason instead of retrying forever; a
// scheduled job fires when the portal clock reaches its period, once however many workers run.
import type { ChildProcess } from "node:child_process";
import { Readable } from "node:stream";
import { afterAll, describe, expect, inject, it } from "vitest";
import { connect } from "@/db/connection";
import { setPortalClock } from "@/lib/data/clock";
import { getImportBatchForViewer, requestImportCommit } from "@/lib/data/imports";
import { MAX_ATTEMPTS, runImportBatch } from "@/lib/data/jobs/imports";
import { stageUpload } from "@/lib/imports/upload";
import { fileStore } from "@/lib/storage";
import { importArea, uploadRows } from "../support/import-area";
import { kill9, startWorker, until } from "../support/worker-process";

const CIANJUR = "32.03"; // no demo data, used only by this file
const BANDUNG = "32.04"; // likewise
const ROWS = 3_000;
const sql = connect(inject("databaseUrl"), 2).sql;
const workers: ChildProcess[] = [];
const batch = async (id: string) => (await sql`select status, staging_runs, attempts, lease_owner, error, rows_total from import_batches where id = ${id}`)[0]!;

afterAll(async () => {
  await Promise.all(workers.map(kill9));
  await setPortalClock(process.env.PORTAL_CLOCK!);
  await sql.end({ timeout: 5 });
});

describe("jobs", () => {
  it("the queues, pg-boss's cron queue included, exist before any worker starts: the worker (app role) cannot create them", async () => {
    const names = (await sql`select name from pgboss.queue order by name`).map((r) => r.name as string);
    expect(names).toEqual(expect.arrayContaining(["__pgboss__send-it", "import-commit", "import-validate", "retensi-harian", "tagihan-bulanan"]));
    // The app role has no right to create one (so a missing queue would stay missing).
    await expect(sql`select pgboss.create_queue('uji-tanpa-hak', '{}'::json)`).rejects.toThrow(/permission denied/);
  });

  it("two worker processes on one batch: staging runs once, every row lands once", { timeout: 180_000 }, async () => {
    const a = await importArea(CIANJUR, ROWS);
    const id = await uploadRows(a, ROWS);
    // Both sweep every 300 ms and listen on the same queues; the lease lets only one in per phase.
    workers.push(startWorker(), startWorker());
    await until(
      "validation",
      () => batch(id),
      (b) => b.status === "tervalidasi",
    );
    expect((await batch(id)).staging_runs).toBe(1);
    await requestImportCommit(a.supervisor, id);
    await until(
      "commit and the lease let go",
      () => batch(id),
      (b) => b.status === "selesai" && b.lease_owner === null,
    );
    const b = await batch(id);
    expect(b).toMatchObject({ staging_runs: 1, lease_owner: null, rows_total: ROWS });
    const [rows] = await sql`select count(*)::int as n, count(distinct nik)::int as niks from workers where import_batch_id = ${id}`;
    expect(rows).toMatchObject({ n: ROWS, niks: ROWS });
    // One history event per worker: the commit ran once per chunk.
    expect((await sql`select count(*)::int as n from worker_events e join workers w on w.id = e.worker_id where w.import_batch_id = ${id}`)[0]!.n).toBe(ROWS);
    await Promise.all(workers.splice(0).map(kill9));
  });

  it(`a file that cannot be read ends as gagal after ${MAX_ATTEMPTS} attempts, with a reason on its page`, async () => {
    const a = await importArea(BANDUNG, 10);
    // An upload that passed the checks, whose stored content is then damaged: the XLSX reader throws.
    const xlsxHead = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
    const { id } = await stageUpload(
      a.officer,
      new Blob([new Uint8Array(Buffer.concat([Buffer.from("nik,nama\n"), Buffer.from("1,a\n")]))]).stream(),
      "rusak.csv",
      "lewati",
    );
    await fileStore().remove((await sql`select stored_name from import_batches where id = ${id}`)[0]!.stored_name as string);
    const broken = await fileStore().put({ kind: "import_list", contentType: "text/csv", createdBy: null }, Readable.from([xlsxHead, Buffer.alloc(64, 7)]));
    await sql`update import_batches set stored_name = ${broken.id}, file_kind = 'xlsx' where id = ${id}`;
    const outcomes: string[] = [];
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      const r = await runImportBatch("uji", id);
      if (!r) break;
      outcomes.push(r.outcome);
    }
    expect(outcomes).toEqual([...Array(MAX_ATTEMPTS - 1).fill("retry"), "failed"]);
    const page = await getImportBatchForViewer(a.officer, id);
    expect(page.status).toBe("gagal");
    expect(page.error).toMatch(new RegExp(`^Impor gagal setelah ${MAX_ATTEMPTS} percobaan`));
    // Its file is gone with it (it holds NIKs), and nothing claims it again.
    expect(await fileStore().stat(broken.id)).toBeNull();
    expect(await runImportBatch("uji", id)).toBeNull();
  });

  it("the daily retention job runs when the portal clock reaches a new day, once for two workers", { timeout: 120_000 }, async () => {
    const id = (await sql`select id from import_batches where regency_code = ${CIANJUR} and status = 'selesai' limit 1`)[0]!.id as string;
    // The batch of the first test ended on the suite's day; 31 days later its rows are due to go.
    expect((await sql`select count(*)::int as n from import_rows where batch_id = ${id}`)[0]!.n).toBe(ROWS);
    const day = "2026-12-26";
    await setPortalClock(`${day}T01:00:00Z`);
    workers.push(startWorker(), startWorker());
    const run = await until(
      "the day's run",
      async () => (await sql`select period, finished_at, result from job_runs where job = 'retensi-harian' and period = ${day}`)[0],
      (r) => !!r?.finished_at,
    );
    expect(run!.result).toMatch(/^baris impor dari \d+ batch/);
    expect((await sql`select count(*)::int as n from import_rows where batch_id = ${id}`)[0]!.n).toBe(0);
    expect((await sql`select rows_purged_at is not null as purged from import_batches where id = ${id}`)[0]!.purged).toBe(true);
    // Both workers swept past that day; the period ran once.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await sql`select count(*)::int as n from job_runs where job = 'retensi-harian' and period = ${day}`)[0]!.n).toBe(1);
  });
});
