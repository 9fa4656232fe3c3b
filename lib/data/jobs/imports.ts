import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { and, eq, sql } from "drizzle-orm";
import { db, onOwnConnection, sqlClient } from "@/db/client";
import { districts, importBatches, occupations, provinces, regencies, villages } from "@/db/schema";
import { today as clockToday, todayIn } from "@/lib/clock";
import { IMPORT_COLUMNS } from "@/lib/domain/import-columns";
import type { ExistingMode } from "@/lib/domain/import-status";
import { isAgeEligible } from "@/lib/domain/nik";
import { readCsv, readXlsx, type Header, type RawRow } from "@/lib/imports/read";
import { validateRow, type RowContext } from "@/lib/imports/validate-row";
import { errorFacts } from "@/lib/log";
import { fileStore } from "@/lib/storage";
import { writeAudit } from "../audit";
import { isLockTimeout, UserFacingError } from "../errors";
import { dropImportFile } from "../internal/import-files";
import { summarizeImport } from "../internal/import-summary";
import { areaRegulationsForBulk, EVENT_NOW, insertEvents, takeBulkPlaces } from "../internal/places";
import { firstRow, pgArray, rows } from "../internal/rows";
import { getDefaultEligibility } from "../regulations";

// Job: the bulk import's two phases, validation (dry run) and commit, for the worker process.
// Trigger: the queues import-validate (an upload) and import-commit (the supervisor's go), and the
//   worker's sweep every few seconds, which also finds batches a stopped worker left mid-phase.
// Idempotent: a phase runs only under the batch's lease (claimImportBatch: one worker process per
//   batch at a time); staging is one transaction (all or nothing) and every commit chunk marks
//   itself done in its own transaction, so a rerun after a crash resumes without doubling a row.
//   Every claim counts an attempt: after MAX_ATTEMPTS that ended in an unexpected error or a crash
//   the batch ends as gagal with an Indonesian reason on its page.

// Rows per commit transaction; the crash test makes it small to stop mid-phase.
export const COMMIT_CHUNK = Number(process.env.IMPORT_COMMIT_CHUNK ?? 10_000);
export const MAX_ATTEMPTS = 5;
const LEASE_SECONDS = Number(process.env.IMPORT_LEASE_SECONDS ?? 60);

type Phase = "validate" | "commit";
const PHASE_OF: Record<string, Phase> = { diunggah: "validate", memvalidasi: "validate", menerapkan: "commit" };

/**
 * Claims a batch that needs a phase run (queued, or left mid-phase by a worker whose lease ran
 * out): with a given id, that batch; else the oldest. SKIP LOCKED and the lease make two worker
 * processes never run one batch at once. Returns the batch, its phase and the attempt number, or
 * null when there is nothing to claim.
 */
export async function claimImportBatch(owner: string, id?: string): Promise<{ id: string; phase: Phase; attempt: number } | null> {
  const row = await firstRow<{ id: string; status: string; attempts: number }>(
    db(),
    sql`update import_batches b set lease_owner = ${owner}, lease_until = now() + make_interval(secs => ${LEASE_SECONDS}), attempts = b.attempts + 1
      where b.id = (select id from import_batches
                     where status in ('diunggah', 'memvalidasi', 'menerapkan') and (lease_until is null or lease_until < now())
                       ${id ? sql`and id = ${id}::uuid` : sql``}
                     order by created_at limit 1 for update skip locked)
      returning b.id, b.status, b.attempts`,
  );
  return row ? { id: row.id, phase: PHASE_OF[row.status]!, attempt: row.attempts } : null;
}

async function renewLease(id: string, owner: string) {
  await db().execute(
    sql`update import_batches set lease_until = now() + make_interval(secs => ${LEASE_SECONDS}) where id = ${id}::uuid and lease_owner = ${owner}`,
  );
}

async function releaseLease(id: string, owner: string, opts: { finished: boolean }) {
  // A phase that ran to its end gives its attempts back: the next phase starts counting afresh.
  await db().execute(sql`update import_batches set lease_owner = null, lease_until = null ${opts.finished ? sql`, attempts = 0` : sql``}
    where id = ${id}::uuid and lease_owner = ${owner}`);
}

/**
 * Claims and runs one phase of a batch under its lease (renewed while it runs). An unexpected
 * error releases the lease for a later attempt; the attempt that reaches MAX_ATTEMPTS (errors or
 * crashes before it) ends the batch as gagal instead. Returns what happened, for the log.
 */
export async function runImportBatch(
  owner: string,
  id?: string,
): Promise<{ id: string; phase: Phase; outcome: "done" | "failed" | "retry"; code?: string } | null> {
  const claim = await claimImportBatch(owner, id);
  if (!claim) return null;
  if (claim.attempt > MAX_ATTEMPTS) {
    await fail(
      claim.id,
      `Impor gagal setelah ${MAX_ATTEMPTS} percobaan (pekerja latar berhenti atau terjadi kesalahan di server). Unggah ulang berkasnya; bila berulang, hubungi admin.`,
    );
    await releaseLease(claim.id, owner, { finished: false });
    return { ...claim, outcome: "failed" };
  }
  const heartbeat = setInterval(() => void renewLease(claim.id, owner).catch(() => {}), (LEASE_SECONDS * 1000) / 3);
  try {
    if (claim.phase === "validate") await runImportValidation(claim.id);
    else await runImportCommit(claim.id);
    await releaseLease(claim.id, owner, { finished: true });
    return { ...claim, outcome: "done" };
  } catch (e) {
    await releaseLease(claim.id, owner, { finished: false }).catch(() => {});
    // Logged by the worker by code only (never the message: it can hold the query's parameters).
    const code = errorFacts(e).code;
    if (claim.attempt >= MAX_ATTEMPTS) {
      await fail(
        claim.id,
        `Impor gagal setelah ${MAX_ATTEMPTS} percobaan: terjadi kesalahan di server${code ? ` (kode ${code})` : ""}. Unggah ulang berkasnya; bila berulang, hubungi admin.`,
      );
      return { ...claim, outcome: "failed", code };
    }
    return { ...claim, outcome: "retry", code };
  } finally {
    clearInterval(heartbeat);
  }
}

async function fail(id: string, message: string) {
  await db()
    .update(importBatches)
    .set({ status: "gagal", error: message, endedAt: sql`portal_now()` })
    .where(eq(importBatches.id, id));
  await dropImportFile(id);
}

const STAGE_COLUMNS = [
  "batch_id",
  "row_no",
  ...IMPORT_COLUMNS,
  "parse_error",
  "nik_norm",
  "c_name",
  "c_birth_date",
  "c_sex",
  "c_address",
  "c_district",
  "c_village",
  "c_phone",
  "c_occupation",
  "c_income",
  "c_kk",
  "c_source",
  "c_heir_name",
  "c_heir_relationship",
  "c_heir_nik",
  "outcome",
  "errors",
  "warnings",
];

// A CSV line for COPY (written by hand: a general CSV writer costs more on 200,000 rows). NULL is
// an empty field; text is always quoted, so an empty string stays distinct from NULL.
const text = (v: string | null | undefined) => (v === null || v === undefined ? "" : v.includes('"') ? `"${v.replace(/"/g, '""')}"` : `"${v}"`);
const num = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));

/** One staged row: the raw cells, then what the single registration's rules make of them. */
function stagedLine(batchId: string, r: RawRow, ctx: RowContext): string {
  let line = `${batchId},${r.rowNo}`;
  for (const c of IMPORT_COLUMNS) line += `,${text(r.cells[c]?.slice(0, 500))}`;
  if (r.parseError) return `${line},${text(r.parseError)}${",".repeat(16)}galat,${text(JSON.stringify([{ column: "baris", message: r.parseError }]))},\n`;
  const v = validateRow(r.cells, ctx);
  const c = v.clean;
  return (
    `${line},,${text(v.nikNorm)},${text(c?.name)},${text(c?.birthDate)},${text(c?.sex)},${text(c?.address)},${text(c?.districtCode)},${text(c?.villageCode)},` +
    `${text(c?.phone)},${num(c?.occupationId)},${num(c?.income)},${text(c?.kkNumber)},${text(c?.source)},${text(c?.heirName)},${text(c?.heirRelationship)},` +
    `${text(c?.heirNik)},${v.outcome},${v.errors.length ? text(JSON.stringify(v.errors)) : ""},${v.warnings.length && c ? text(JSON.stringify(v.warnings)) : ""}\n`
  );
}

/**
 * Parses the stored file as a stream, validates each row in TypeScript as it passes (the rules of
 * single registration) and COPYs raw and validated columns into the staging table in one
 * transaction: all or nothing, so a stopped worker restarts it cleanly. Progress (rows read) is
 * written on the side for the page.
 */
async function stageAndValidate(b: typeof importBatches.$inferSelect) {
  if (!(await fileStore().stat(b.storedName))) throw new UserFacingError("Berkas impor tidak ditemukan di server; unggah ulang.");
  // The readers want a file (the XLSX reader seeks): a private copy beside this process, removed after.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-import-"));
  try {
    const local = path.join(dir, `berkas.${b.fileKind}`);
    await pipeline(fileStore().read(b.storedName), fs.createWriteStream(local, { mode: 0o600 }));
    await stageFrom(b, local);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function stageFrom(b: typeof importBatches.$inferSelect, path: string) {
  await db().execute(sql`update import_batches set staging_runs = staging_runs + 1 where id = ${b.id}`);
  const ctx = await rowContext(b.regencyCode);
  let header: Header | null = null;
  const notes = [...b.notes];
  let count = 0;
  await sqlClient().begin(async (tx) => {
    // One staging per batch at a time (not a row lock: the progress updates must not wait).
    await tx`select pg_advisory_xact_lock(hashtext(${b.id}))`;
    const [locked] = await tx`select status from import_batches where id = ${b.id}`;
    if (!locked || locked.status !== "memvalidasi") return;
    await tx`delete from import_rows where batch_id = ${b.id}`;
    const copy = await tx.unsafe(`copy import_rows (${STAGE_COLUMNS.join(", ")}) from stdin with (format csv)`).writable();
    const source = b.fileKind === "xlsx" ? readXlsx(path, (h) => (header = h)) : readCsv(path, (h) => (header = h));
    // Lines go to COPY in blocks of a few hundred: one socket write per row costs more than the row.
    async function* lines() {
      let reported = 0;
      for await (const batch of source as AsyncGenerator<RawRow[]>) {
        let block = "";
        for (const r of batch) block += stagedLine(b.id, r, ctx);
        count += batch.length;
        yield block;
        if (count - reported >= 2_000) {
          reported = count;
          // On its own connection on purpose: the page shows progress while this transaction runs.
          void onOwnConnection(() =>
            db().execute(sql`update import_batches set validated_through = greatest(validated_through, ${count}) where id = ${b.id}`),
          ).catch(() => {});
        }
      }
    }
    await pipeline(Readable.from(lines()), copy);
    if (count === 0) throw new UserFacingError("Berkas hanya berisi kepala kolom, tanpa baris data.");
    if (header) notes.push(...(header as Header).notes);
    await tx`update import_batches set rows_total = ${count}, rows_loaded = ${count}, validated_through = ${count},
      notes = ${JSON.stringify(notes)}::jsonb where id = ${b.id}`;
  });
}

async function rowContext(regencyCode: string): Promise<RowContext> {
  const [p, r, d, v, o, policy] = await Promise.all([
    db().select({ code: provinces.code }).from(provinces),
    db().select({ code: regencies.code }).from(regencies),
    db().select({ code: districts.code, regencyCode: districts.regencyCode }).from(districts),
    db()
      .select({ code: villages.code })
      .from(villages)
      .where(sql`left(${villages.code}, 5) = ${regencyCode}`),
    db().select({ id: occupations.id, name: occupations.name }).from(occupations),
    getDefaultEligibility(),
  ]);
  return {
    areas: { provinces: new Set(p.map((x) => x.code)), regencies: new Set(r.map((x) => x.code)), districts: new Set(d.map((x) => x.code)) },
    regencyCode,
    districts: new Set(d.filter((x) => x.regencyCode === regencyCode).map((x) => x.code)),
    villages: new Set(v.map((x) => x.code)),
    occupations: new Map(o.map((x) => [x.name.toLowerCase(), x.id])),
    today: await clockToday(),
    policy,
  };
}

/**
 * The dry run: the file is parsed and each row validated in TypeScript while it streams into the
 * staging table (COPY); then set-based in SQL: duplicates inside the file, NIKs enrolled in this
 * area or elsewhere, and how many rows would take places or wait.
 */
export async function runImportValidation(id: string) {
  const [b] = await db().select().from(importBatches).where(eq(importBatches.id, id));
  if (!b || (b.status !== "diunggah" && b.status !== "memvalidasi")) return;
  if (b.status === "diunggah")
    await db()
      .update(importBatches)
      .set({ status: "memvalidasi", phaseStartedAt: sql`now()`, validatedThrough: 0 })
      .where(and(eq(importBatches.id, id), eq(importBatches.status, "diunggah")));
  try {
    await stageAndValidate({ ...b, status: "memvalidasi" });
  } catch (e) {
    if (e instanceof UserFacingError) return fail(id, e.message);
    throw e;
  }
  await finishValidation(id, b.regencyCode);
}

async function finishValidation(id: string, regencyCode: string) {
  await db().transaction(async (tx) => {
    const [lock] = await rows<{ status: string }>(tx, sql`select status from import_batches where id = ${id} for update`);
    if (lock?.status !== "memvalidasi") return;
    // Inside the file: the first row of a NIK counts, later ones are duplicates.
    // Materialized: the duplicates are few, and the join back by primary key stays cheap whatever
    // the planner guesses about a staging table that has just received a whole file.
    await tx.execute(sql`with d as materialized (
        select row_no, first_row from (select row_no, min(row_no) over (partition by nik_norm) as first_row from import_rows
          where batch_id = ${id} and outcome in ('valid', 'tidak_lengkap')) x where row_no <> first_row)
      update import_rows r set outcome = 'duplikat_berkas',
        errors = jsonb_build_array(jsonb_build_object('column', 'nik', 'message', 'NIK sama dengan baris ' || d.first_row || ' di berkas ini.'))
      from d where r.batch_id = ${id} and r.row_no = d.row_no`);
    // Already enrolled (live): here, the officer chooses; elsewhere, area and status only.
    await tx.execute(sql`update import_rows r set existing_worker_id = w.id,
        outcome = case when w.regency_code = ${regencyCode} then 'terdaftar_di_wilayah' else 'terdaftar_di_wilayah_lain' end::import_row_outcome,
        errors = case when w.regency_code = ${regencyCode} then null
                 else jsonb_build_array(jsonb_build_object('column', 'nik', 'message', 'NIK ini sudah terdaftar di wilayah lain.')) end
      from workers w
      where r.batch_id = ${id} and r.outcome in ('valid', 'tidak_lengkap') and w.nik = r.nik_norm and w.status <> 'berakhir'`);
    const summary = await summarizeImport(tx, id, regencyCode);
    await tx.execute(
      sql`update import_batches set status = 'tervalidasi', summary = ${JSON.stringify(summary)}::jsonb, validated_at = portal_now() where id = ${id}`,
    );
  });
}

type StagedRow = { row_no: number; outcome: string; birth_date: string | null; village: string | null };

type Batch = {
  id: string;
  regencyCode: string;
  status: string;
  existing: ExistingMode;
  committedBy: string | null;
  fileName: string;
  phaseStartedAt: string;
  committedChunks: number[];
};
/** Chunks committed side by side when every regulation has room for every remaining row (2 cores here). */
const COMMIT_LANES = Number(process.env.IMPORT_COMMIT_LANES ?? 2);
class ChunkRolledBack extends Error {}

/**
 * Applies a validated batch in chunks of row numbers (chunk k: rows k·C+1 … (k+1)·C). Each chunk
 * is one transaction: complete rows take places exactly as single submissions would (funder
 * priority, age and village rules) or join the waiting list, incomplete rows become drafts
 * ("Perlu dilengkapi"), NIKs already enrolled here are skipped or updated (never identity fields),
 * and the chunk is marked done in the same transaction. Rows go from the staging table into
 * workers with one INSERT … SELECT; a NIK enrolled elsewhere since validation is refused by the
 * live-NIK constraint and reported on its row.
 *
 * Order: when every regulation of the area has room for every remaining valid row, no row's
 * outcome depends on which chunk lands first, so chunks commit side by side (COMMIT_LANES) and
 * take their places with a guarded count (never past the quota). Otherwise, or as soon as a guard
 * finds the room gone (single registrations took it meanwhile), the rest goes one chunk at a time
 * in file order with the regulations locked, as a single submission locks them. The waiting list
 * keeps file order either way: submitted_at is the commit's start plus the row number in µs.
 */
export async function runImportCommit(id: string) {
  const [b] = await rows<Batch>(
    db(),
    sql`select id, regency_code as "regencyCode", status, existing, committed_by as "committedBy", file_name as "fileName",
      coalesce(phase_started_at, now())::text as "phaseStartedAt", committed_chunks as "committedChunks" from import_batches where id = ${id}`,
  );
  if (!b || b.status !== "menerapkan") return;
  const lastRow = (await firstRow<{ lastRow: number }>(db(), sql`select coalesce(max(row_no), 0)::int as "lastRow" from import_rows where batch_id = ${id}`))!
    .lastRow;
  const chunks = Math.ceil(lastRow / COMMIT_CHUNK);
  const queue = Array.from({ length: chunks }, (_, k) => k).filter((k) => !b.committedChunks.includes(k));
  // Valid rows per chunk not yet committed: while every regulation has room for all of them, the
  // order chunks land in changes no row's outcome.
  const pending = new Map<number, number>(queue.map((k) => [k, 0]));
  for (const c of await rows<{ k: number; n: number }>(
    db(),
    sql`select ((row_no - 1) / ${COMMIT_CHUNK})::int as k, count(*)::int as n from import_rows
      where batch_id = ${id} and outcome = 'valid' group by 1`,
  )) {
    if (pending.has(c.k)) pending.set(c.k, c.n);
  }
  const others = (k: number) => [...pending].reduce((sum, [j, n]) => (j === k ? sum : sum + n), 0);
  let serial = COMMIT_LANES < 2 || queue.length < 2 || !(await roomForAll(b, others(-1)));
  const lane = async () => {
    while (!serial && queue.length) {
      const k = queue.shift()!;
      if ((await commitChunk(b, k, lastRow, chunks, others(k))) === "room") {
        serial = true;
        queue.push(k);
      } else pending.delete(k);
    }
  };
  if (!serial) await Promise.all(Array.from({ length: COMMIT_LANES }, lane));
  for (const k of queue.sort((x, y) => x - y)) await commitChunk(b, k, lastRow, chunks, null);
  if (await finishCommit(b, chunks)) await dropImportFile(id);
}

/** Does every regulation in force have room for `n` more rows? */
async function roomForAll(b: Batch, n: number) {
  const today = await clockToday();
  const regs = await db().transaction((tx) => areaRegulationsForBulk(tx, b.regencyCode, today, { lock: false }));
  return regs.every((r) => r.free >= n);
}

/**
 * One chunk in one transaction. `keep` null: one at a time, the regulations locked from the start.
 * A number: side by side, unlocked; the places are counted only if every regulation keeps room
 * for `keep` more rows (the other chunks' valid rows), else "room" and nothing is written.
 */
async function commitChunk(b: Batch, k: number, lastRow: number, chunks: number, keep: number | null): Promise<"ok" | "done" | "room"> {
  const id = b.id;
  const first = k * COMMIT_CHUNK + 1;
  const last = Math.min((k + 1) * COMMIT_CHUNK, lastRow);
  try {
    return await db().transaction(async (tx) => {
      // One runner per chunk: a second worker process sweeping the same batch skips it.
      const lock = await firstRow<{ mine: boolean }>(tx, sql`select pg_try_advisory_xact_lock(hashtext(${id}), ${k}) as mine`);
      if (!lock?.mine) return "done";
      const [cur] = await rows<{
        status: string;
        done: boolean;
      }>(tx, sql`select status, ${k}::int = any(committed_chunks) as done from import_batches where id = ${id}`);
      if (cur?.status !== "menerapkan" || cur.done) return "done";
      const staged = await rows<StagedRow>(
        tx,
        sql`select row_no, outcome::text as outcome, c_birth_date::text as birth_date, c_village as village from import_rows
        where batch_id = ${id} and row_no between ${first} and ${last} and outcome in ('valid', 'tidak_lengkap')`,
      );
      let counts: { regulationId: number; n: number }[] = [];
      if (staged.length) {
        const today = await todayIn(tx);
        const regs = await areaRegulationsForBulk(tx, b.regencyCode, today, { lock: keep === null });
        // By row number (offset in the chunk): its status and regulation. Places in file order: the
        // first regulation (priority order) with room whose rules fit.
        staged.sort((x, y) => x.row_no - y.row_no);
        const statuses: (string | null)[] = Array(last - first + 1).fill(null);
        const regulationIds: (number | null)[] = Array(last - first + 1).fill(null);
        const taken = new Map<number, number>();
        for (const r of staged) {
          const i = r.row_no - first;
          if (r.outcome !== "valid") {
            statuses[i] = "draft";
            continue;
          }
          const reg = regs.find((g) => g.free > 0 && isAgeEligible(r.birth_date!, today, g) && (!g.villages || g.villages.includes(r.village ?? "")));
          if (reg) {
            reg.free--;
            taken.set(reg.id, (taken.get(reg.id) ?? 0) + 1);
          }
          statuses[i] = reg ? "diajukan" : "daftar_tunggu";
          regulationIds[i] = reg?.id ?? null;
        }
        // One statement: the workers, their first history event, and the rows whose NIK became
        // live elsewhere after validation (reported on their row, never half-written).
        const inserted = await rows<{
          regulation_id: number;
          n: number;
        }>(
          tx,
          sql`
          with pick as (
            select r.*, (${pgArray(statuses)}::worker_status[])[r.row_no - ${first} + 1] as st, (${pgArray(regulationIds)}::int[])[r.row_no - ${first} + 1] as reg
              from import_rows r where r.batch_id = ${id} and r.row_no between ${first} and ${last} and r.outcome in ('valid', 'tidak_lengkap')),
          ins as (
            insert into workers (nik, name, birth_date, sex, address, regency_code, district_code, village_code, phone, occupation_id, income, kk_number, source,
                status, regulation_id, submitted_at, created_by, import_batch_id, status_since)
            select p.nik_norm, p.c_name, p.c_birth_date, p.c_sex, coalesce(p.c_address, ''), ${b.regencyCode}, p.c_district, p.c_village, coalesce(p.c_phone, ''),
                p.c_occupation, coalesce(p.c_income, 1000000), p.c_kk, coalesce(p.c_source, 'lainnya'),
                p.st, p.reg, case when p.st = 'draft' then null else ${b.phaseStartedAt}::timestamptz + p.row_no * interval '1 microsecond' end, ${b.committedBy}, ${id}, ${today}::date
              from pick p where p.st is not null
             order by p.row_no
            on conflict (nik) where status <> 'berakhir' do nothing
            returning id, nik, status, regulation_id),
          ev as (${insertEvents(sql`select id, ${b.committedBy}::uuid, null::worker_status, status, regulation_id, ${`Impor berkas ${b.fileName}`}, ${today}::date, ${EVENT_NOW} from ins`)}),
          lost as (update import_rows r set outcome = 'terdaftar_di_wilayah_lain',
                     errors = jsonb_build_array(jsonb_build_object('column', 'nik', 'message', 'NIK ini terdaftar di tempat lain saat impor diterapkan.'))
                   where r.batch_id = ${id} and r.row_no between ${first} and ${last} and r.outcome in ('valid', 'tidak_lengkap')
                     and r.nik_norm not in (select nik from ins)
                   returning r.row_no)
          select p.reg as regulation_id, count(*)::int as n from pick p where p.reg is not null and p.row_no in (select row_no from lost) group by 1`,
        );
        // Each landed row's heir is the first entry of its worker's list (the workers just written
        // by this batch, found by the live-NIK index).
        await tx.execute(sql`insert into worker_heirs (worker_id, name, relationship, nik, created_by)
            select w.id, r.c_heir_name, r.c_heir_relationship::heir_relationship, r.c_heir_nik, ${b.committedBy}::uuid
              from import_rows r join workers w on w.nik = r.nik_norm and w.status <> 'berakhir' and w.import_batch_id = ${id}
             where r.batch_id = ${id} and r.row_no between ${first} and ${last} and r.outcome in ('valid', 'tidak_lengkap') and r.c_heir_name is not null`);
        // Places of rows refused after all are not counted.
        for (const l of inserted) taken.set(l.regulation_id, taken.get(l.regulation_id)! - l.n);
        counts = regs.map((g) => ({ regulationId: g.id, n: taken.get(g.id) ?? 0 }));
      }
      if (b.existing === "perbarui") {
        // The given non-identity fields only: NIK, name, birth date and sex never change here.
        // Each updated worker gets an entry in the record of processing (UU PDP: the person's
        // processing record names the import that changed them), written in the same statement.
        await tx.execute(sql`with upd as (update workers w set
            address = coalesce(nullif(r.c_address, ''), w.address), phone = coalesce(nullif(r.c_phone, ''), w.phone),
            occupation_id = coalesce(r.c_occupation, w.occupation_id), income = coalesce(r.c_income, w.income), kk_number = coalesce(r.c_kk, w.kk_number),
            district_code = case when w.status in ('diverifikasi', 'aktif') or r.c_village is null then w.district_code else r.c_district end,
            village_code = case when w.status in ('diverifikasi', 'aktif') or r.c_village is null then w.village_code else r.c_village end,
            updated_at = now()
          from import_rows r
          where r.batch_id = ${id} and r.row_no between ${first} and ${last} and r.outcome = 'terdaftar_di_wilayah'
            and w.id = r.existing_worker_id and w.regency_code = ${b.regencyCode} and w.status <> 'berakhir'
          returning w.id)
          insert into audit_log (actor_id, action, entity_type, entity_id, details)
          select ${b.committedBy}::uuid, 'worker.update', 'worker', upd.id::text, jsonb_build_object('import', ${id}::text, 'file', ${b.fileName}::text) from upd`);
        // A row's heir updates the list entry of that NIK (else of that name), or joins the list.
        await tx.execute(sql`with given as (
            select r.existing_worker_id as worker_id, r.c_heir_name as name, r.c_heir_relationship::heir_relationship as relationship, r.c_heir_nik as nik
              from import_rows r join workers w on w.id = r.existing_worker_id and w.regency_code = ${b.regencyCode} and w.status <> 'berakhir'
             where r.batch_id = ${id} and r.row_no between ${first} and ${last} and r.outcome = 'terdaftar_di_wilayah' and r.c_heir_name is not null),
          matched as (
            select distinct on (g.worker_id) g.*, h.id as heir_id from given g
              join worker_heirs h on h.worker_id = g.worker_id and (h.nik = g.nik or (lower(h.name) = lower(g.name) and (g.nik is null or h.nik is null)))
             order by g.worker_id, (h.nik = g.nik) desc nulls last, h.id),
          upd as (update worker_heirs h set relationship = coalesce(m.relationship, h.relationship), nik = coalesce(m.nik, h.nik), updated_at = now()
                    from matched m where h.id = m.heir_id returning h.id)
          insert into worker_heirs (worker_id, name, relationship, nik, created_by)
          select g.worker_id, g.name, g.relationship, g.nik, ${b.committedBy}::uuid from given g where g.worker_id not in (select worker_id from matched)`);
      }
      // Side by side, this chunk already holds aggregate rows (the trigger) when it asks for the
      // regulations, the reverse of a single registration's order: it waits briefly, then gives
      // way (falls back to one chunk at a time) instead of ever deadlocking a registration.
      if (keep !== null && counts.length) await tx.execute(sql`set local lock_timeout = '200ms'`);
      if (!(await takeBulkPlaces(tx, counts, keep ?? 0))) throw new ChunkRolledBack("room");
      if (keep !== null && counts.length) await tx.execute(sql`set local lock_timeout = 0`);
      // Done, in the same transaction; the progress is the rows covered by chunks done from the start.
      const marked = await rows<unknown>(
        tx,
        sql`update import_batches set committed_chunks = committed_chunks || ${k}::int,
          committed_through = least(${lastRow}, ${COMMIT_CHUNK} * (select min(g) from generate_series(0, ${chunks}) g where g <> all(committed_chunks || ${k}::int)))
        where id = ${id} and status = 'menerapkan' and not (${k}::int = any(committed_chunks)) returning id`,
      );
      if (!marked.length) throw new ChunkRolledBack("done");
      return "ok";
    });
  } catch (e) {
    if (e instanceof ChunkRolledBack) return e.message as "done" | "room";
    if (keep !== null && isLockTimeout(e)) return "room";
    throw e;
  }
}

/** When every chunk is in: the batch is finished, as one entry of the audit trail naming it. */
async function finishCommit(b: Batch, chunks: number): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [cur] = await rows<{ status: string; done: number }>(
      tx,
      sql`select status, cardinality(committed_chunks) as done from import_batches where id = ${b.id} for update`,
    );
    if (cur?.status !== "menerapkan" || cur.done < chunks) return false;
    const counts = await rows<{ outcome: string; n: number }>(
      tx,
      sql`select outcome::text as outcome, count(*)::int as n from import_rows where batch_id = ${b.id} group by 1`,
    );
    const [created] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from workers where import_batch_id = ${b.id}`);
    await tx.execute(
      sql`update import_batches set status = 'selesai', committed_at = portal_now(), ended_at = portal_now(), committed_through = rows_total where id = ${b.id}`,
    );
    await writeAudit(tx, {
      actorId: b.committedBy,
      action: "import.commit",
      entityType: "import_batch",
      entityId: b.id,
      details: { file: b.fileName, outcomes: Object.fromEntries(counts.map((c) => [c.outcome, c.n])), created: created?.n ?? 0 },
    });
    return true;
  });
}
