import "server-only";
import { and, asc, desc, eq, ilike, inArray, notInArray, or, sql, type SQL } from "drizzle-orm";
import { db, sqlClient, type Tx } from "@/db/client";
import {
  areaSettings,
  auditLog,
  correctionRequests,
  exportItems,
  districts,
  occupations,
  regencies,
  regulations,
  users,
  villages,
  workerEvents,
  workerHeirs,
  workers,
} from "@/db/schema";
import { assertCan, can } from "@/lib/authz/permissions";
import { OFFICE_ROLES } from "@/lib/authz/roles";
import type { Viewer } from "@/lib/authz/viewer";
import { nowIn, today as todayOf, todayIn } from "@/lib/clock";
import { ageInYears, compareWithNik, isAgeEligible, maskNik, parseNik } from "@/lib/domain/nik";
import { WORKER_STATUS_LABELS, type EndReason, type WorkerStatus } from "@/lib/domain/worker-status";
import { dayLabel } from "@/lib/domain/wib";
import { isCalendarDate } from "@/lib/validation/dates";
import type { WorkerInput, WorkerUpdateInput } from "@/lib/validation/workers";
import { env } from "@/lib/env";
import { keyedHash } from "@/lib/auth/seal";
import { HttpError } from "@/lib/http-error";
import { logUnexpected, unexpectedMessage } from "@/lib/log";
import { formatDateTime } from "@/lib/format";
import { writeAudit } from "./audit";
import { isUniqueViolation, NotFoundError, UserFacingError } from "./errors";
import { getDefaultEligibility } from "./regulations";
import { EXPORT_BUSY, EXPORT_STREAMS_FULL } from "./internal/export-slot";
import { heirsOf } from "./internal/heirs";
import { knownAreas } from "./internal/known-areas";
import { rows } from "./internal/rows";
import { workerInScope } from "./internal/worker-scope";
import { endEnrollment, insertDeath, move } from "./internal/enrollment";
import { promoteWaiting, recordEvent, releasePlace, takePlace } from "./internal/places";

const inScope = workerInScope;

export async function listOccupations() {
  return db().select().from(occupations).orderBy(asc(occupations.sortOrder), asc(occupations.name));
}

/** Where a NIK is already enrolled (area and status only), or null. */
async function liveEnrollmentOf(nik: string, exceptId?: number) {
  const [row] = await db()
    .select({ id: workers.id, regencyCode: workers.regencyCode, regencyName: regencies.name, status: workers.status })
    .from(workers)
    .innerJoin(regencies, eq(regencies.code, workers.regencyCode))
    .where(and(eq(workers.nik, nik), sql`${workers.status} <> 'berakhir'`, exceptId ? sql`${workers.id} <> ${exceptId}` : undefined));
  return row ?? null;
}

/**
 * The answer to a NIK enrolled already. In the viewer's own area, with its status (the officer
 * sees that worker anyway). Elsewhere, only the area, so the officer can send the person there to
 * end it first: never its status (otherwise every NIK in the country could be probed). Every
 * such hit is audited on the worker it found.
 */
async function duplicateMessage(viewer: Viewer, d: { id: number; regencyCode: string; regencyName: string; status: WorkerStatus }, nik: string) {
  if (d.regencyCode === viewer.regencyCode) return `NIK ini sudah terdaftar di ${d.regencyName} dengan status ${WORKER_STATUS_LABELS[d.status].toLowerCase()}.`;
  await writeAudit(db(), { actorId: viewer.id, action: "worker.elsewhere_hit", entityType: "worker", entityId: String(d.id), details: { nik: maskNik(nik) } });
  return `NIK ini sudah terdaftar di ${d.regencyName}. Minta yang bersangkutan mengakhiri kepesertaannya di sana terlebih dahulu.`;
}

/** Validates what needs the database and returns the row values, or throws field errors. */
async function prepare(viewer: Viewer, input: WorkerUpdateInput & Pick<WorkerInput, "heirNik">, exceptId?: number) {
  const today = await todayOf();
  const parsed = parseNik(input.nik, await knownAreas(), today);
  if (!parsed.ok) throw new UserFacingError("Periksa NIK.", { nik: [parsed.error] });
  const info = parsed.value;
  const warnings = [...info.warnings, ...compareWithNik(info, { birthDate: input.birthDate, sex: input.sex })];
  if (warnings.length && !input.confirmWarnings) {
    throw new UserFacingError("Periksa peringatan berikut, lalu centang konfirmasi dan simpan lagi.", { confirmWarnings: warnings });
  }
  const heirNik = input.heirNik ? parseNik(input.heirNik, await knownAreas(), today) : null;
  if (heirNik && !heirNik.ok) throw new UserFacingError("Periksa NIK ahli waris.", { heirNik: [heirNik.error] });
  if (input.heirNik && input.heirNik === info.nik)
    throw new UserFacingError("NIK ahli waris tidak boleh sama dengan NIK pekerja.", { heirNik: ["NIK ahli waris tidak boleh sama dengan NIK pekerja."] });
  const regencyCode = viewer.regencyCode!;
  if (input.districtCode) {
    const [d] = await db()
      .select({ code: districts.code })
      .from(districts)
      .where(and(eq(districts.code, input.districtCode), eq(districts.regencyCode, regencyCode)));
    if (!d) throw new UserFacingError("Kecamatan harus di wilayah Anda.", { districtCode: ["Pilih kecamatan di wilayah Anda."] });
  }
  if (input.villageCode) {
    const [v] = await db()
      .select({ code: villages.code })
      .from(villages)
      .where(and(eq(villages.code, input.villageCode), eq(villages.districtCode, input.districtCode ?? "")));
    if (!v) throw new UserFacingError("Kelurahan/desa harus di kecamatan yang dipilih.", { villageCode: ["Pilih kelurahan/desa di kecamatan yang dipilih."] });
  }
  if (input.intent === "submit") {
    const policy = await getDefaultEligibility();
    if (!isAgeEligible(input.birthDate, today, policy)) {
      const msg = `Usia pekerja di luar ketentuan (${Math.floor(policy.minAgeMonths / 12)} tahun sampai ${Math.floor(policy.maxAgeMonths / 12)} tahun ${policy.maxAgeMonths % 12} bulan).`;
      throw new UserFacingError(msg, { birthDate: [msg] });
    }
  }
  const dup = await liveEnrollmentOf(info.nik, exceptId);
  if (dup) {
    const msg = await duplicateMessage(viewer, dup, info.nik);
    throw new UserFacingError(msg, { nik: [msg] });
  }
  return {
    today,
    values: {
      nik: info.nik,
      name: input.name,
      birthDate: input.birthDate,
      sex: input.sex,
      address: input.address,
      regencyCode,
      districtCode: input.districtCode ?? null,
      villageCode: input.villageCode ?? null,
      phone: input.phone,
      occupationId: input.occupationId,
      income: input.income,
      kkNumber: input.kkNumber ?? null,
      source: input.source,
    },
  };
}

/**
 * The area's final submission: a place in a regulation (diajukan), or the waiting list. In areas
 * that want a supervisor's approval, an officer's submission waits for it first.
 */
async function submit(
  tx: Tx,
  viewer: Viewer,
  w: { id: number; status: WorkerStatus; regencyCode: string; birthDate: string; villageCode: string | null },
  today: string,
) {
  const [setting] = await tx.select().from(areaSettings).where(eq(areaSettings.regencyCode, w.regencyCode));
  if (setting?.requiresApproval && viewer.role !== "supervisor") {
    await move(tx, viewer, w, "menunggu_persetujuan", { submittedAt: await nowIn(tx) }, "Diajukan ke supervisor");
    return "menunggu_persetujuan" as const;
  }
  const regulationId = await takePlace(tx, w, today);
  const to = regulationId ? "diajukan" : "daftar_tunggu";
  await move(
    tx,
    viewer,
    w,
    to,
    { submittedAt: await nowIn(tx), regulationId, rejectionReason: null },
    regulationId ? null : "Tidak ada kuota yang tersedia atau sesuai",
  );
  return to;
}

/** Registers a worker (officer or supervisor of the area): a draft, or submitted at once. */
export async function registerWorker(viewer: Viewer, input: WorkerInput) {
  assertCan(viewer.role, "workers.register");
  const { today, values } = await prepare(viewer, input);
  try {
    return await db().transaction(async (tx) => {
      // A person who moved here keeps the KPJ BPJS gave them; the earlier area's history stays there.
      // An earlier enrollment anonymised by retention is found by its NIK's keyed hash.
      const [moved] = await tx
        .select({ kpjNumber: workers.kpjNumber, regencyName: regencies.name })
        .from(workers)
        .innerJoin(regencies, eq(regencies.code, workers.regencyCode))
        .where(
          and(
            or(eq(workers.nik, values.nik), eq(workers.nikHash, keyedHash(values.nik, "nik"))),
            eq(workers.status, "berakhir"),
            eq(workers.endReason, "pindah_domisili"),
          ),
        )
        .orderBy(desc(workers.updatedAt))
        .limit(1);
      const [row] = await tx
        .insert(workers)
        .values({ ...values, status: "draft", createdBy: viewer.id, kpjNumber: moved?.kpjNumber ?? null })
        .returning({ id: workers.id });
      const w = { id: row!.id, status: "draft" as WorkerStatus, regencyCode: values.regencyCode, birthDate: values.birthDate, villageCode: values.villageCode };
      // The form's heir is the first entry of the list the worker page manages.
      if (input.heirName)
        await tx
          .insert(workerHeirs)
          .values({ workerId: w.id, name: input.heirName, relationship: input.heirRelationship ?? null, nik: input.heirNik ?? null, createdBy: viewer.id });
      await recordEvent(tx, {
        workerId: w.id,
        actorId: viewer.id,
        from: null,
        to: "draft",
        reason: moved ? `Didaftarkan; pindahan dari ${moved.regencyName}${moved.kpjNumber ? ` (KPJ ${moved.kpjNumber} tetap)` : ""}` : "Didaftarkan",
      });
      const status = input.intent === "submit" ? await submit(tx, viewer, w, today) : "draft";
      await writeAudit(tx, {
        actorId: viewer.id,
        action: "worker.create",
        entityType: "worker",
        entityId: String(w.id),
        details: { status, nik: maskNik(values.nik) },
      });
      return { id: w.id, status };
    });
  } catch (e) {
    if (isUniqueViolation(e, "workers_live_nik_key")) {
      const dup = await liveEnrollmentOf(values.nik);
      const msg = dup ? await duplicateMessage(viewer, dup, values.nik) : "NIK ini sudah terdaftar.";
      throw new UserFacingError(msg, { nik: [msg] });
    }
    throw e;
  }
}

async function lockWorker(tx: Tx, viewer: Viewer, id: number) {
  const [row] = await tx
    .select()
    .from(workers)
    .where(and(eq(workers.id, id), inScope(viewer)))
    .for("update");
  if (!row) throw new NotFoundError("Pekerja");
  return row;
}

/** Submits a draft or a corrected rejected worker: it takes a place again or joins the back of the waiting list. */
export async function submitWorker(viewer: Viewer, id: number) {
  assertCan(viewer.role, "workers.register");
  return db().transaction(async (tx) => {
    const w = await lockWorker(tx, viewer, id);
    const [heir] = await tx
      .select({ id: workerHeirs.id })
      .from(workerHeirs)
      .where(and(eq(workerHeirs.workerId, id), sql`${workerHeirs.relationship} is not null`))
      .limit(1);
    if (!w.districtCode || !w.villageCode || !heir) throw new UserFacingError("Lengkapi kecamatan, kelurahan/desa, dan ahli waris sebelum mengajukan.");
    const status = await submit(tx, viewer, w, await todayIn(tx));
    await writeAudit(tx, { actorId: viewer.id, action: "worker.submit", entityType: "worker", entityId: String(id), details: { status } });
    return status;
  });
}

/** A supervisor approves officers' submissions in two-step areas. */
export async function approveWorkers(viewer: Viewer, ids: number[]) {
  assertCan(viewer.role, "workers.approve");
  return db().transaction(async (tx) => {
    const today = await todayIn(tx);
    const rows = await tx
      .select()
      .from(workers)
      .where(and(inArray(workers.id, ids), inScope(viewer), eq(workers.status, "menunggu_persetujuan")))
      .orderBy(asc(workers.submittedAt))
      .for("update");
    for (const w of rows) {
      const regulationId = await takePlace(tx, w, today);
      await move(tx, viewer, w, regulationId ? "diajukan" : "daftar_tunggu", { regulationId }, "Disetujui supervisor");
    }
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "worker.approve",
      entityType: "worker_batch",
      entityId: rows.map((r) => r.id).join(","),
      details: { count: rows.length },
    });
    return rows.length;
  });
}

/** Branch heads verify submitted workers of the kecamatan their branch serves. */
export async function verifyWorkers(viewer: Viewer, ids: number[]) {
  assertCan(viewer.role, "workers.verify");
  return db().transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(workers)
      .where(and(inArray(workers.id, ids), inScope(viewer), eq(workers.status, "diajukan")))
      .for("update");
    for (const w of rows) await move(tx, viewer, w, "diverifikasi", { regulationId: w.regulationId }, "Diverifikasi kantor cabang");
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "worker.verify",
      entityType: "worker_batch",
      entityId: rows.map((r) => r.id).join(","),
      details: { count: rows.length },
    });
    return rows.length;
  });
}

/** Rejection releases the place; the first waiting worker of the area takes it. */
export async function rejectWorkers(viewer: Viewer, ids: number[], reason: string) {
  assertCan(viewer.role, "workers.verify");
  return db().transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(workers)
      .where(and(inArray(workers.id, ids), inScope(viewer), inArray(workers.status, ["diajukan", "diverifikasi"])))
      .for("update");
    const areas = new Set<string>();
    for (const w of rows) {
      await move(tx, viewer, w, "ditolak", { regulationId: null, rejectionReason: reason }, reason);
      if (w.regulationId) await releasePlace(tx, w.regulationId);
      areas.add(w.regencyCode);
    }
    for (const a of areas) await promoteWaiting(tx, a, await todayIn(tx), viewer.id);
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "worker.reject",
      entityType: "worker_batch",
      entityId: rows.map((r) => r.id).join(","),
      details: { count: rows.length, reason },
    });
    return rows.length;
  });
}

/** Records the KPJ number BPJS assigned and the coverage start: the worker becomes aktif. */
export async function activateWorker(viewer: Viewer, id: number, input: { kpjNumber: string; coverageStart: string }) {
  assertCan(viewer.role, "workers.verify");
  try {
    await db().transaction(async (tx) => {
      const w = await lockWorker(tx, viewer, id);
      if (w.status !== "diverifikasi") throw new UserFacingError("Nomor KPJ dicatat setelah pekerja diverifikasi.");
      // One person is never covered twice on one day: a new coverage starts after the last one ended.
      const [last] = await rows<{ endsOn: string | null }>(tx, sql`select max(ends_on)::text as "endsOn" from coverage_spans where worker_id = ${id}`);
      if (last?.endsOn && input.coverageStart <= last.endsOn) {
        const msg = `Mulai kepesertaan harus setelah ${dayLabel(last.endsOn)}, akhir kepesertaan sebelumnya.`;
        throw new UserFacingError(msg, { coverageStart: [msg] });
      }
      await move(
        tx,
        viewer,
        w,
        "aktif",
        { regulationId: w.regulationId, kpjNumber: input.kpjNumber, coverageStart: input.coverageStart },
        `KPJ ${input.kpjNumber}`,
        input.coverageStart,
      );
      await writeAudit(tx, {
        actorId: viewer.id,
        action: "worker.activate",
        entityType: "worker",
        entityId: String(id),
        details: { kpjNumber: input.kpjNumber, coverageStart: input.coverageStart },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e, "workers_live_kpj_key"))
      throw new UserFacingError("Nomor KPJ ini sudah dipakai pekerja lain.", { kpjNumber: ["Nomor KPJ ini sudah dipakai pekerja lain."] });
    throw e;
  }
}

/**
 * Ends an enrollment (died, moved, no longer eligible, resigned) as of the day it took effect,
 * typed by the person who records it: not after today, not before coverage start (nor before the
 * current status took effect). The place goes to the waiting list; the coverage span closes on
 * that day, so figures for that month count the worker as aktif and billing stops after it. A
 * death is also recorded as a death (recordDeath's rules).
 */
export async function endWorker(viewer: Viewer, id: number, reason: Exclude<EndReason, "regulasi_berakhir">, endedOn: string) {
  assertCan(viewer.role, "workers.end");
  const today = await todayOf();
  await withDeathUnique(() =>
    db().transaction(async (tx) => {
      const w = await lockWorker(tx, viewer, id);
      await endEnrollment(tx, viewer, w, reason, endedOn, today, "endedOn");
      if (reason === "meninggal") await insertDeath(tx, viewer, w, endedOn);
      await writeAudit(tx, { actorId: viewer.id, action: "worker.end", entityType: "worker", entityId: String(id), details: { reason, endedOn } });
    }),
  );
}

// One death per person (by NIK, across enrollment rows): the unique index answers a race too.
async function withDeathUnique<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isUniqueViolation(e, "deaths_nik_key")) throw new UserFacingError("Kematian orang ini sudah tercatat.");
    throw e;
  }
}

/**
 * "Catat kematian": the area's officer or supervisor, or the branch head serving the kecamatan,
 * records a death once per person with its date. A holder's enrollment ends through the ending
 * path on that day (berakhir, meninggal): the place frees, the waiting list moves, billing stops
 * after the month, months billed after it become credits on the next bill. An enrollment already
 * ended for another reason keeps its ending; the death is recorded beside it.
 */
export async function recordDeath(viewer: Viewer, id: number, diedOn: string) {
  assertCan(viewer.role, "deaths.record");
  const today = await todayOf();
  await withDeathUnique(() =>
    db().transaction(async (tx) => {
      const w = await lockWorker(tx, viewer, id);
      const ends = w.status !== "berakhir";
      if (ends) await endEnrollment(tx, viewer, w, "meninggal", diedOn, today, "diedOn");
      else if (diedOn > today)
        throw new UserFacingError("Tanggal meninggal tidak boleh setelah hari ini.", { diedOn: ["Tanggal meninggal tidak boleh setelah hari ini."] });
      await insertDeath(tx, viewer, w, diedOn);
      await writeAudit(tx, { actorId: viewer.id, action: "death.record", entityType: "worker", entityId: String(id), details: { diedOn, ended: ends } });
    }),
  );
}

export type DeathRecord = { id: number; diedOn: string; recordedAt: Date; recordedBy: string | null; documentName: string | null; workerId: number };

/** The death of the worker's person (by NIK, whichever enrollment row recorded it), if any. */
export async function getDeathForViewer(viewer: Viewer, id: number): Promise<DeathRecord | null> {
  assertCan(viewer.role, "workers.view");
  const [row] = await rows<DeathRecord>(
    db(),
    sql`select d.id, d.died_on::text as "diedOn", d.recorded_at as "recordedAt", u.name as "recordedBy", d.document_name as "documentName", d.worker_id::int as "workerId"
      from workers join deaths d on d.nik = workers.nik left join users u on u.id = d.recorded_by
     where workers.id = ${id} and ${inScope(viewer)}`,
  );
  return row ?? null;
}

/** Attaches (or replaces) the death's document (a PDF already in the file store); returns the previous file to remove. */
export async function setDeathDocument(viewer: Viewer, deathId: number, file: { fileId: string; name: string }) {
  assertCan(viewer.role, "deaths.record");
  const [row] = await rows<{ previous: string | null; workerId: number }>(
    db(),
    sql`update deaths d set document_file_id = ${file.fileId}::uuid, document_name = ${file.name}
       from (select deaths.id, deaths.document_file_id as previous from deaths join workers on workers.id = deaths.worker_id where deaths.id = ${deathId} and ${inScope(viewer)}) old
      where d.id = old.id returning old.previous, d.worker_id::int as "workerId"`,
  );
  if (!row) throw new NotFoundError("Kematian");
  // On the worker's trail, so the processing record (UU PDP) shows it.
  await writeAudit(db(), {
    actorId: viewer.id,
    action: "death.document",
    entityType: "worker",
    entityId: String(row.workerId),
    details: { deathId, name: file.name },
  });
  return row.previous;
}

/** The death's document for the authorised route; every view is logged. */
export async function getDeathDocumentForViewer(viewer: Viewer, deathId: number) {
  assertCan(viewer.role, "workers.view");
  const [row] = await rows<{ file: string | null; name: string | null; workerId: number }>(
    db(),
    sql`select d.document_file_id::text as file, d.document_name as name, d.worker_id::int as "workerId" from deaths d join workers on workers.id = d.worker_id
       where d.id = ${deathId} and ${inScope(viewer)}`,
  );
  if (!row?.file) throw new NotFoundError("Dokumen kematian");
  await writeAudit(db(), { actorId: viewer.id, action: "death.document_view", entityType: "worker", entityId: String(row.workerId), details: { deathId } });
  return { file: row.file, name: row.name ?? "kematian.pdf" };
}

/** A NIK is never a list filter: "Cari NIK" is findWorkerByNikForViewer, audited and limited. */
export type WorkerFilter = {
  status?: WorkerStatus;
  regencyCode?: string;
  districtCode?: string;
  q?: string;
  page?: number;
  /** "baru" (newest first, the default), "lama", "nama", "-nama". */
  sort?: WorkerSort;
  pageSize?: number;
};
export const WORKER_SORTS = ["baru", "lama", "nama", "-nama"] as const;
export type WorkerSort = (typeof WORKER_SORTS)[number];
export const PAGE_SIZE = 50;
export const PAGE_SIZES = [25, 50, 100] as const;

/** The Dinas's own work in progress: BPJS roles (branch, Kanwil) do not list it. */
const DINAS_ONLY: WorkerStatus[] = ["draft", "menunggu_persetujuan"];

// The list, its NIK search and the export filter the same way, always inside the viewer's scope.
function filterWhere(viewer: Viewer, f: WorkerFilter) {
  return and(
    inScope(viewer),
    OFFICE_ROLES.includes(viewer.role) ? notInArray(workers.status, DINAS_ONLY) : undefined,
    f.status ? eq(workers.status, f.status) : undefined,
    f.regencyCode ? eq(workers.regencyCode, f.regencyCode) : undefined,
    f.districtCode ? eq(workers.districtCode, f.districtCode) : undefined,
    f.q ? ilike(workers.name, `%${f.q.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
  );
}

const ORDER: Record<WorkerSort, SQL[]> = {
  baru: [sql`${workers.id} desc`],
  lama: [sql`${workers.id} asc`],
  nama: [sql`${workers.name} asc`, sql`${workers.id} asc`],
  "-nama": [sql`${workers.name} desc`, sql`${workers.id} desc`],
};

/** Workers in the viewer's scope, NIK masked. */
export async function listWorkersForViewer(viewer: Viewer, f: WorkerFilter = {}) {
  assertCan(viewer.role, "workers.view");
  const where = filterWhere(viewer, f);
  const page = Math.max(1, f.page ?? 1);
  const size = PAGE_SIZES.includes(f.pageSize as 25) ? f.pageSize! : PAGE_SIZE;
  const [rows, [total]] = await Promise.all([
    db()
      .select({
        id: workers.id,
        nik: workers.nik,
        name: workers.name,
        status: workers.status,
        districtName: districts.name,
        villageName: villages.name,
        regencyName: regencies.name,
        submittedAt: workers.submittedAt,
        kpjNumber: workers.kpjNumber,
        occupation: occupations.name,
      })
      .from(workers)
      .innerJoin(regencies, eq(regencies.code, workers.regencyCode))
      .leftJoin(districts, eq(districts.code, workers.districtCode))
      .leftJoin(villages, eq(villages.code, workers.villageCode))
      .leftJoin(occupations, eq(occupations.id, workers.occupationId))
      .where(where)
      .orderBy(...ORDER[f.sort ?? "baru"])
      .limit(size)
      .offset((page - 1) * size),
    db()
      .select({ n: sql<number>`count(*)::int` })
      .from(workers)
      .where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r, nik: maskNik(r.nik) })), total: total?.n ?? 0, page, pageSize: size };
}

export type QueueTab = "diajukan" | "diverifikasi";
// No name filter: a name would travel in the URL (personal data never does).
export type QueueFilter = { tab?: QueueTab; districtCode?: string; page?: number; /** Only those waiting longer than this many days. */ minDays?: number };

/**
 * The branch queue, one tab at a time ("Menunggu verifikasi": diajukan; "Menunggu nomor KPJ":
 * diverifikasi), oldest submission first, 50 a page, by kecamatan; with both tabs' counts.
 */
export async function listVerificationQueueForViewer(viewer: Viewer, f: QueueFilter = {}) {
  assertCan(viewer.role, "workers.verify");
  const tab: QueueTab = f.tab ?? "diajukan";
  const page = Math.max(1, Math.floor(f.page ?? 1));
  // "Menunggu lebih dari N hari" in WIB days, as the queue shows the wait.
  const waited = f.minDays ? sql`(${workers.submittedAt} at time zone 'Asia/Jakarta')::date < ${await todayOf()}::date - ${f.minDays}::int` : undefined;
  const where = and(inScope(viewer), f.districtCode ? eq(workers.districtCode, f.districtCode) : undefined, waited);
  const [counts, rows] = await Promise.all([
    db()
      .select({ status: workers.status, n: sql<number>`count(*)::int` })
      .from(workers)
      .where(and(where, inArray(workers.status, ["diajukan", "diverifikasi"])))
      .groupBy(workers.status),
    db()
      .select({
        id: workers.id,
        nik: workers.nik,
        name: workers.name,
        status: workers.status,
        districtName: districts.name,
        villageName: villages.name,
        submittedAt: workers.submittedAt,
      })
      .from(workers)
      .leftJoin(districts, eq(districts.code, workers.districtCode))
      .leftJoin(villages, eq(villages.code, workers.villageCode))
      .where(and(where, eq(workers.status, tab)))
      .orderBy(asc(workers.submittedAt), asc(workers.id))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
  ]);
  const n = (k: QueueTab) => counts.find((c) => c.status === k)?.n ?? 0;
  return {
    tab,
    page,
    counts: { diajukan: n("diajukan"), diverifikasi: n("diverifikasi") },
    rows: rows.map((r) => ({ ...r, nik: maskNik(r.nik) })),
  };
}

/**
 * "Cari NIK": the worker with this NIK in the viewer's scope, or a field error. Every search is
 * audited, hit or miss, with the masked NIK (a hit on the worker it found), and a user may make
 * NIK_SEARCH_PER_HOUR of them an hour: counted in PostgreSQL under a per-user lock, so parallel
 * searches count at once and the limit holds across app instances.
 */
export async function findWorkerByNikForViewer(viewer: Viewer, nik: string): Promise<number> {
  assertCan(viewer.role, "workers.view");
  const clean = nik.replace(/[\s.]/g, "");
  const limit = env().NIK_SEARCH_PER_HOUR;
  const out = await db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('nik_search'), hashtext(${viewer.id}))`);
    const [used] = await rows<{ n: number; next: string | null }>(
      tx,
      sql`select count(*)::int as n, (min(at) + interval '1 hour')::text as next from audit_log
           where actor_id = ${viewer.id} and action = 'worker.nik_search' and at > now() - interval '1 hour' and not (details ? 'limited')`,
    );
    if ((used?.n ?? 0) >= limit) {
      await writeAudit(tx, { actorId: viewer.id, action: "worker.nik_search", entityType: "nik_search", entityId: viewer.id, details: { limited: true } });
      return { limited: true as const, next: used!.next };
    }
    const [hit] = /^\d{16}$/.test(clean)
      ? await tx
          .select({ id: workers.id })
          .from(workers)
          .where(and(inScope(viewer), eq(workers.nik, clean)))
          .orderBy(desc(workers.id))
          .limit(1)
      : [];
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "worker.nik_search",
      entityType: hit ? "worker" : "nik_search",
      entityId: hit ? String(hit.id) : viewer.id,
      details: { nik: maskNik(clean), hit: Boolean(hit) },
    });
    return { limited: false as const, id: hit?.id ?? null };
  });
  if (out.limited) {
    const at = out.next ? ` Coba lagi setelah ${formatDateTime(out.next)}.` : "";
    const msg = `Batas pencarian NIK tercapai (${limit} kali per jam).${at}`;
    throw new UserFacingError(msg, { nik: [msg] });
  }
  if (!out.id) throw new UserFacingError("NIK tidak ditemukan di wilayah Anda.", { nik: ["NIK tidak ditemukan di wilayah Anda."] });
  return out.id;
}

/** One worker's page (viewing it is recorded: UU PDP record of processing). NIK masked. */
export async function getWorkerForViewer(viewer: Viewer, id: number) {
  assertCan(viewer.role, "workers.view");
  const [row] = await db()
    .select({
      worker: workers,
      regencyName: regencies.name,
      districtName: districts.name,
      villageName: villages.name,
      occupation: occupations.name,
      regulationTitle: regulations.title,
    })
    .from(workers)
    .innerJoin(regencies, eq(regencies.code, workers.regencyCode))
    .leftJoin(districts, eq(districts.code, workers.districtCode))
    .leftJoin(villages, eq(villages.code, workers.villageCode))
    .leftJoin(occupations, eq(occupations.id, workers.occupationId))
    .leftJoin(regulations, eq(regulations.id, workers.regulationId))
    .where(and(eq(workers.id, id), inScope(viewer)));
  if (!row) {
    await writeAudit(db(), { actorId: viewer.id, action: "worker.access_refused", entityType: "worker", entityId: String(id), details: {} });
    throw new NotFoundError("Pekerja");
  }
  const events = await db()
    .select({
      at: workerEvents.at,
      effectiveOn: workerEvents.effectiveOn,
      from: workerEvents.fromStatus,
      to: workerEvents.toStatus,
      reason: workerEvents.reason,
      actorName: users.name,
    })
    .from(workerEvents)
    .leftJoin(users, eq(users.id, workerEvents.actorId))
    .where(eq(workerEvents.workerId, id))
    .orderBy(desc(workerEvents.at), desc(workerEvents.id));
  const [openCorrection] = await db()
    .select({ requestedAt: correctionRequests.requestedAt, changes: correctionRequests.changes })
    .from(correctionRequests)
    .where(and(eq(correctionRequests.workerId, id), eq(correctionRequests.status, "menunggu")));
  await writeAudit(db(), { actorId: viewer.id, action: "worker.view", entityType: "worker", entityId: String(id), details: {} });
  const { nik, birthDate, ...rest } = row.worker;
  // Roles without the reveal right (admin, Kanwil) see age in years: the region digits of the
  // masked NIK plus a birth date would leave only a small serial to guess.
  const reveal = can(viewer.role, "workers.revealNik");
  const today = await todayOf();
  const heirs = await heirsOf(db(), id);
  return {
    ...rest,
    birthDate: reveal ? birthDate : null,
    ageYears: ageInYears(birthDate, today),
    nikMasked: maskNik(nik),
    heirs: reveal ? heirs : heirs.map((h) => ({ ...h, birthDate: null, ageYears: h.birthDate ? ageInYears(h.birthDate, today) : null })),
    regencyName: row.regencyName,
    districtName: row.districtName,
    villageName: row.villageName,
    occupation: row.occupation,
    regulationTitle: row.regulationTitle,
    // Which fields wait for the branch, not their values (the NIK stays masked here).
    openCorrection: openCorrection ? { requestedAt: openCorrection.requestedAt, fields: Object.keys(openCorrection.changes) } : null,
    events,
  };
}

export type EnrolmentLetter = {
  name: string;
  nikMasked: string;
  birthDate: string;
  kpjNumber: string;
  coverageStart: string;
  regulationTitle: string;
  regulationNumber: string | null;
  regencyName: string;
  regencyCode: string;
  districtName: string | null;
  villageName: string | null;
};

/**
 * "Surat Keterangan Kepesertaan": what the officer prints and hands to an aktif worker (name,
 * masked NIK, KPJ, coverage start, the regulation that pays). Printing it is logged.
 */
export async function getEnrolmentLetterForViewer(viewer: Viewer, id: number): Promise<EnrolmentLetter> {
  assertCan(viewer.role, "workers.register");
  const [w] = await rows<EnrolmentLetter & { nik: string; status: WorkerStatus }>(
    db(),
    sql`select workers.nik, workers.status::text as status, workers.name, workers.birth_date::text as "birthDate", workers.kpj_number as "kpjNumber",
           workers.coverage_start::text as "coverageStart", r.title as "regulationTitle", r.number as "regulationNumber", g.name as "regencyName",
           g.code as "regencyCode", d.name as "districtName", v.name as "villageName"
      from workers join regencies g on g.code = workers.regency_code left join districts d on d.code = workers.district_code
      left join villages v on v.code = workers.village_code left join regulations r on r.id = workers.regulation_id
     where workers.id = ${id} and ${inScope(viewer)}`,
  );
  if (!w) throw new NotFoundError("Pekerja");
  if (w.status !== "aktif" || !w.kpjNumber || !w.coverageStart || !w.regulationTitle)
    throw new UserFacingError("Surat keterangan kepesertaan hanya untuk peserta aktif (sudah punya nomor KPJ).");
  await writeAudit(db(), { actorId: viewer.id, action: "worker.letter", entityType: "worker", entityId: String(id), details: {} });
  return {
    name: w.name,
    nikMasked: maskNik(w.nik),
    birthDate: w.birthDate,
    kpjNumber: w.kpjNumber,
    coverageStart: w.coverageStart,
    regulationTitle: w.regulationTitle,
    regulationNumber: w.regulationNumber,
    regencyName: w.regencyName,
    regencyCode: w.regencyCode,
    districtName: w.districtName,
    villageName: w.villageName,
  };
}

/** The full NIK, after an explicit action, logged. */
export async function revealWorkerNik(viewer: Viewer, id: number) {
  assertCan(viewer.role, "workers.revealNik");
  const [row] = await db()
    .select({ nik: workers.nik })
    .from(workers)
    .where(and(eq(workers.id, id), inScope(viewer)));
  if (!row) throw new NotFoundError("Pekerja");
  await writeAudit(db(), { actorId: viewer.id, action: "worker.reveal_nik", entityType: "worker", entityId: String(id), details: {} });
  return row.nik;
}

export type ExportRow = {
  nik: string;
  name: string;
  birthDate: string;
  sex: string;
  regencyName: string;
  districtName: string | null;
  villageName: string | null;
  address: string;
  occupation: string | null;
  status: WorkerStatus;
  kpjNumber: string | null;
  coverageStart: string | null;
};

/** Rows an export holds at most. */
export const EXPORT_MAX_ROWS = 200_000;

/**
 * The area's own export (officer, supervisor) or a branch head's export of its queue area, with
 * full NIK. Before the first byte: one audit row with the filter and the count, and which workers
 * it holds (export_items, for each person's processing record). Then the rows come in batches
 * from a cursor on a connection of their own, so the export is never whole in memory. One export
 * per user at a time (a transaction-scoped PostgreSQL advisory lock, across app instances), and
 * at most EXPORT_STREAMS at once in all; the caller must call `close()` (the download's end or
 * abort) to release them.
 */
export async function exportWorkersForViewer(
  viewer: Viewer,
  f: Omit<WorkerFilter, "page"> = {},
): Promise<{ count: number; batches: AsyncGenerator<ExportRow[]>; close: () => Promise<void> }> {
  assertCan(viewer.role, "workers.export");
  const conn = await sqlClient().reserve();
  let open = true;
  // The lock and the cursor live in one read-only transaction on this connection (no session
  // state: it works the same through a transaction-mode pooler); ending it releases both.
  const close = async () => {
    if (!open) return;
    open = false;
    await conn`rollback`.catch(() => {});
    conn.release();
  };
  try {
    await conn`begin read only`;
    // The same key as every other export (internal/export-slot.ts): one per user at a time.
    const [lock] = await conn<{ ok: boolean }[]>`select pg_try_advisory_xact_lock(hashtext('export'), hashtext(${viewer.id})) as ok`;
    if (!lock?.ok) {
      await close();
      throw new HttpError(429, EXPORT_BUSY);
    }
    // This connection stays taken for the whole download, and the audit below needs a second one:
    // at most EXPORT_STREAMS such downloads at once across every instance (one of that many
    // transaction-scoped locks), so the pool always keeps connections for everything else, this
    // export's own audit transaction included.
    const [stream] = await conn<{ n: number }[]>`select n from generate_series(0, ${env().EXPORT_STREAMS - 1}::int) n
      where pg_try_advisory_xact_lock(hashtext('export-stream'), n) limit 1`;
    if (!stream) {
      await close();
      throw new HttpError(429, EXPORT_STREAMS_FULL);
    }
    // One snapshot for the count in the audit row and the rows recorded (audit rows are never
    // updated afterwards: the app may only insert them).
    const { auditId, count } = await db().transaction(
      async (tx) => {
        const [n] = await rows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from (select 1 from workers where ${filterWhere(viewer, f)} limit ${EXPORT_MAX_ROWS}) x`,
        );
        const auditId = await writeAudit(tx, {
          actorId: viewer.id,
          action: "worker.export",
          entityType: "worker_export",
          entityId: viewer.regencyCode ?? String(viewer.officeId ?? ""),
          details: { filter: f, rows: n?.n ?? 0 },
        });
        const ids = tx
          .select({ auditId: sql<number>`${auditId}::bigint`.as("audit_id"), workerId: workers.id })
          .from(workers)
          .where(filterWhere(viewer, f))
          .orderBy(asc(workers.id))
          .limit(EXPORT_MAX_ROWS);
        await tx.insert(exportItems).select(ids);
        return { auditId, count: n?.n ?? 0 };
      },
      { isolationLevel: "repeatable read" },
    );
    const cursor = conn<ExportRow[]>`
      select w.nik, w.name, w.birth_date::text as "birthDate", w.sex, g.name as "regencyName", d.name as "districtName", v.name as "villageName",
             w.address, o.name as occupation, w.status, w.kpj_number as "kpjNumber", w.coverage_start::text as "coverageStart"
        from export_items e join workers w on w.id = e.worker_id join regencies g on g.code = w.regency_code
        left join districts d on d.code = w.district_code left join villages v on v.code = w.village_code left join occupations o on o.id = w.occupation_id
       where e.audit_id = ${auditId} order by w.id`.cursor(2000);
    async function* batches() {
      try {
        for await (const rows of cursor) yield rows;
      } finally {
        await close();
      }
    }
    return { count, batches: batches(), close };
  } catch (e) {
    await close();
    throw e;
  }
}

const IDENTITY = ["nik", "name", "birthDate", "sex"] as const;

/**
 * Corrects a worker's data (officer or supervisor of the area). After verification the identity
 * fields (NIK, name, birth date, sex) are BPJS's record: the other fields are saved at once and a
 * change of those becomes a correction request that the branch approves (lib/data/corrections.ts).
 */
export async function updateWorker(viewer: Viewer, id: number, input: WorkerUpdateInput): Promise<{ correctionRequested: boolean }> {
  assertCan(viewer.role, "workers.register");
  const { values } = await prepare(viewer, input, id);
  return db().transaction(async (tx) => {
    const before = await lockWorker(tx, viewer, id);
    if (before.status === "berakhir") throw new UserFacingError("Kepesertaan yang sudah berakhir tidak dapat diubah; daftarkan ulang bila perlu.");
    const changedIdentity = IDENTITY.filter((k) => String(before[k]) !== String(values[k]));
    const verified = before.status === "diverifikasi" || before.status === "aktif";
    const set: Partial<typeof values> = { ...values };
    if (verified && changedIdentity.length) {
      for (const k of IDENTITY) delete set[k];
      const [open] = await tx
        .select({ id: correctionRequests.id })
        .from(correctionRequests)
        .where(and(eq(correctionRequests.workerId, id), eq(correctionRequests.status, "menunggu")));
      if (open) {
        const msg = "Masih ada permintaan koreksi identitas yang menunggu keputusan kantor cabang.";
        throw new UserFacingError(msg, Object.fromEntries(changedIdentity.map((k) => [k, [msg]])));
      }
      await tx.insert(correctionRequests).values({
        workerId: id,
        requestedBy: viewer.id,
        before: Object.fromEntries(changedIdentity.map((k) => [k, String(before[k])])),
        changes: Object.fromEntries(changedIdentity.map((k) => [k, String(values[k])])),
      });
      await writeAudit(tx, {
        actorId: viewer.id,
        action: "worker.correction_request",
        entityType: "worker",
        entityId: String(id),
        details: { fields: changedIdentity },
      });
    }
    const changed = (Object.keys(set) as (keyof typeof values)[]).filter((k) => String(before[k] ?? "") !== String(set[k] ?? ""));
    if (changed.length) {
      await tx
        .update(workers)
        .set({ ...set, updatedAt: new Date() })
        .where(eq(workers.id, id));
      // Field names only: the record of processing must not copy NIKs around.
      await writeAudit(tx, { actorId: viewer.id, action: "worker.update", entityType: "worker", entityId: String(id), details: { fields: changed } });
    }
    return { correctionRequested: verified && changedIdentity.length > 0 };
  });
}

/** The form values of a worker the viewer may edit. */
export async function getWorkerFormValuesForViewer(viewer: Viewer, id: number) {
  assertCan(viewer.role, "workers.register");
  const [w] = await db()
    .select()
    .from(workers)
    .where(and(eq(workers.id, id), inScope(viewer)));
  if (!w) throw new NotFoundError("Pekerja");
  await writeAudit(db(), { actorId: viewer.id, action: "worker.view_for_edit", entityType: "worker", entityId: String(id), details: {} });
  return {
    status: w.status,
    name: w.name,
    values: {
      nik: w.nik,
      name: w.name,
      birthDate: w.birthDate,
      sex: w.sex,
      address: w.address,
      districtCode: w.districtCode ?? "",
      villageCode: w.villageCode ?? "",
      phone: w.phone,
      occupationId: w.occupationId ? String(w.occupationId) : "",
      income: String(w.income),
      kkNumber: w.kkNumber ?? "",
      source: w.source,
    } as Record<string, string>,
  };
}

/**
 * A person's processing record (UU PDP): every audit entry about this enrollment (views, NIK
 * reveals and searches that found it, changes, imports that updated it, claims, refused access),
 * every export that contained it, and its status history, oldest first. Producing it is logged too.
 */
export async function getProcessingRecordForViewer(viewer: Viewer, id: number) {
  assertCan(viewer.role, "workers.export");
  const [w] = await db()
    .select({ id: workers.id, name: workers.name })
    .from(workers)
    .where(and(eq(workers.id, id), inScope(viewer)));
  if (!w) throw new NotFoundError("Pekerja");
  await writeAudit(db(), { actorId: viewer.id, action: "worker.processing_record", entityType: "worker", entityId: String(id), details: {} });
  const [audit, events] = await Promise.all([
    db()
      .select({ at: auditLog.at, action: auditLog.action, actorName: users.name, actorRole: users.role })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(
        or(
          and(eq(auditLog.entityType, "worker"), eq(auditLog.entityId, String(id))),
          inArray(auditLog.id, db().select({ id: exportItems.auditId }).from(exportItems).where(eq(exportItems.workerId, id))),
        ),
      )
      .orderBy(asc(auditLog.at), asc(auditLog.id)),
    db()
      .select({
        at: workerEvents.at,
        from: workerEvents.fromStatus,
        to: workerEvents.toStatus,
        reason: workerEvents.reason,
        actorName: users.name,
        actorRole: users.role,
      })
      .from(workerEvents)
      .leftJoin(users, eq(users.id, workerEvents.actorId))
      .where(eq(workerEvents.workerId, id))
      .orderBy(asc(workerEvents.at), asc(workerEvents.id)),
  ]);
  // The heirs held about this person (masked), as the record of what is processed.
  return { name: w.name, audit, events, heirs: await heirsOf(db(), id) };
}

export type KpjRow = { line: number; nik: string; kpj: string; coverageStart: string | null };
export type KpjResult = { line: number; ok: boolean; message: string };

/**
 * A branch head's NIK → KPJ file: each row records one verified worker's KPJ (coverage from the
 * given date or today) in its own transaction, so one bad row never blocks the others.
 */
export async function recordKpjNumbers(viewer: Viewer, rows: KpjRow[]): Promise<KpjResult[]> {
  assertCan(viewer.role, "workers.verify");
  const today = await todayOf();
  // Every row (NIK, KPJ, date) is checked before anything is written; then each row is written on
  // its own, and a row that fails unexpectedly is reported with a Kode galat instead of ending the
  // whole file in a 500 halfway.
  const checked = rows.map((r) => {
    const nik = r.nik.replace(/[\s.]/g, "");
    if (!/^\d{16}$/.test(nik)) return { r, nik, error: "NIK harus 16 digit." };
    if (!/^[0-9A-Za-z]{8,16}$/.test(r.kpj)) return { r, nik, error: "Nomor KPJ 8–16 huruf/angka." };
    if (r.coverageStart && !isCalendarDate(r.coverageStart)) return { r, nik, error: "Tanggal mulai harus tanggal yang ada, YYYY-MM-DD." };
    if (r.coverageStart && r.coverageStart > today) return { r, nik, error: "Tanggal mulai tidak boleh setelah hari ini." };
    return { r, nik, error: null };
  });
  const results: KpjResult[] = [];
  for (const { r, nik, error } of checked) {
    if (error) {
      results.push({ line: r.line, ok: false, message: error });
      continue;
    }
    try {
      const [w] = await db()
        .select({ id: workers.id, status: workers.status })
        .from(workers)
        .where(and(eq(workers.nik, nik), sql`${workers.status} <> 'berakhir'`, inScope(viewer)));
      if (!w) {
        results.push({ line: r.line, ok: false, message: "NIK tidak ditemukan di kecamatan yang dilayani cabang ini." });
        continue;
      }
      await activateWorker(viewer, w.id, { kpjNumber: r.kpj, coverageStart: r.coverageStart ?? today });
      results.push({ line: r.line, ok: true, message: `KPJ ${r.kpj} dicatat.` });
    } catch (e) {
      if (e instanceof UserFacingError) results.push({ line: r.line, ok: false, message: e.message });
      else results.push({ line: r.line, ok: false, message: `Baris ini gagal dicatat. ${unexpectedMessage(logUnexpected("kpj", e))}` });
    }
  }
  return results;
}
