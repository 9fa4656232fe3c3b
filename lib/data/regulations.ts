import "server-only";
import { and, asc, desc, eq, inArray, lte, or, sql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import {
  auditLog,
  eligibilityPolicies,
  regencies,
  regulationAmendments,
  regulationBudgets,
  regulations,
  regulationVillages,
  tariffs,
  users,
  villages,
} from "@/db/schema";
import { assertCan } from "@/lib/authz/permissions";
import { regencyInScope, scopeOf } from "@/lib/authz/scope";
import type { Viewer } from "@/lib/authz/viewer";
import { now, today as clockToday, todayIn } from "@/lib/clock";
import { canTransition, type RegulationStatus } from "@/lib/domain/regulations";
import { writeAudit } from "./audit";
import { lockRegulationBilling, recordRefund } from "./internal/billing";
import { aktifByMonth } from "./internal/coverage";
import { inForceToday } from "./internal/in-force";
import { EVENT_NOW, EVENT_TODAY, insertEvents, promoteWaiting, settleHolders } from "./internal/places";
import { firstRow, rows } from "./internal/rows";
import { NotFoundError, UserFacingError } from "./errors";

const inScope = (viewer: Viewer) => regencyInScope(scopeOf(viewer), regulations.regencyCode);

export async function listRegulationsForViewer(viewer: Viewer) {
  assertCan(viewer.role, "regulations.view");
  return db()
    .select({
      id: regulations.id,
      regencyCode: regulations.regencyCode,
      regencyName: regencies.name,
      type: regulations.type,
      issuer: regulations.issuer,
      number: regulations.number,
      title: regulations.title,
      status: regulations.status,
      startsOn: regulations.startsOn,
      endsOn: regulations.endsOn,
      quota: regulations.quota,
      counted: regulations.counted,
    })
    .from(regulations)
    .innerJoin(regencies, eq(regencies.code, regulations.regencyCode))
    .where(inScope(viewer))
    .orderBy(asc(regulations.regencyCode), desc(regulations.startsOn), asc(regulations.id));
}

export async function getRegulationForViewer(viewer: Viewer, id: number) {
  assertCan(viewer.role, "regulations.view");
  const [row] = await db()
    .select({ regulation: regulations, regencyName: regencies.name })
    .from(regulations)
    .innerJoin(regencies, eq(regencies.code, regulations.regencyCode))
    .where(and(eq(regulations.id, id), inScope(viewer)));
  if (!row) throw new NotFoundError("Regulasi");
  const [budgets, amendments, villageRows, successor] = await Promise.all([
    db().select().from(regulationBudgets).where(eq(regulationBudgets.regulationId, id)).orderBy(asc(regulationBudgets.fiscalYear)),
    db().select().from(regulationAmendments).where(eq(regulationAmendments.regulationId, id)).orderBy(asc(regulationAmendments.id)),
    db()
      .select({ code: villages.code, name: villages.name })
      .from(regulationVillages)
      .innerJoin(villages, eq(villages.code, regulationVillages.villageCode))
      .where(eq(regulationVillages.regulationId, id)),
    row.regulation.successorId
      ? db().select({ id: regulations.id, title: regulations.title }).from(regulations).where(eq(regulations.id, row.regulation.successorId))
      : Promise.resolve([]),
  ]);
  return { ...row.regulation, regencyName: row.regencyName, budgets, amendments, villages: villageRows, successor: successor[0] ?? null };
}

/** Who changed what and when: the regulation's and its amendments' audit entries. */
export async function listRegulationHistoryForViewer(viewer: Viewer, id: number) {
  const reg = await getRegulationForViewer(viewer, id);
  const amendmentIds = reg.amendments.map((a) => String(a.id));
  return db()
    .select({ at: auditLog.at, action: auditLog.action, details: auditLog.details, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      or(
        and(eq(auditLog.entityType, "regulation"), eq(auditLog.entityId, String(id))),
        amendmentIds.length ? and(eq(auditLog.entityType, "regulation_amendment"), inArray(auditLog.entityId, amendmentIds)) : undefined,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id));
}

/** Tariffs (reference data, the same for everyone). */
export async function listTariffs() {
  return db().select().from(tariffs).orderBy(asc(tariffs.effectiveFrom));
}

/** The eligibility policy in force today (reference data). */
export async function getDefaultEligibility() {
  const [row] = await db()
    .select()
    .from(eligibilityPolicies)
    .where(lte(eligibilityPolicies.effectiveFrom, await clockToday()))
    .orderBy(desc(eligibilityPolicies.effectiveFrom))
    .limit(1);
  return row ?? { minAgeMonths: 18 * 12, maxAgeMonths: 64 * 12 + 11 };
}

export type RegulationInput = {
  regencyCode?: string;
  type: (typeof regulations.$inferInsert)["type"];
  issuer: (typeof regulations.$inferInsert)["issuer"];
  title: string;
  startsOn: string;
  endsOn: string | null;
  quota: number;
  minAgeYears: number;
  maxAgeYears: number;
  maxAgeExtraMonths: number;
  notes: string;
  villageCodes: string[];
};

// Supervisors manage their own kabupaten/kota; the area is never taken from the form for them.
async function regencyForWrite(viewer: Viewer, requested?: string) {
  if (viewer.role === "supervisor") return viewer.regencyCode!;
  if (!requested) throw new UserFacingError("Pilih kabupaten/kota.", { regencyCode: ["Pilih kabupaten/kota."] });
  const [r] = await db().select({ code: regencies.code }).from(regencies).where(eq(regencies.code, requested));
  if (!r) throw new UserFacingError("Kabupaten/kota tidak dikenal.", { regencyCode: ["Kabupaten/kota tidak dikenal."] });
  return r.code;
}

async function checkVillages(tx: Tx, regencyCode: string, codes: string[]) {
  if (!codes.length) return;
  const found = await tx
    .select({ code: villages.code })
    .from(villages)
    .where(and(inArray(villages.code, codes), sql`left(${villages.code}, 5) = ${regencyCode}`));
  if (found.length !== new Set(codes).size)
    throw new UserFacingError("Ada desa yang bukan bagian dari kabupaten/kota ini.", { villageCodes: ["Ada desa yang bukan bagian dari kabupaten/kota ini."] });
}

function fields(input: RegulationInput) {
  return {
    type: input.type,
    issuer: input.issuer,
    title: input.title,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    quota: input.quota,
    minAgeMonths: input.minAgeYears * 12,
    maxAgeMonths: input.maxAgeYears * 12 + input.maxAgeExtraMonths,
    notes: input.notes,
  };
}

export async function createRegulation(viewer: Viewer, input: RegulationInput) {
  assertCan(viewer.role, "regulations.manage");
  const regencyCode = await regencyForWrite(viewer, input.regencyCode);
  return db().transaction(async (tx) => {
    await checkVillages(tx, regencyCode, input.villageCodes);
    const [row] = await tx
      .insert(regulations)
      .values({ ...fields(input), regencyCode, createdBy: viewer.id })
      .returning();
    if (input.villageCodes.length)
      await tx.insert(regulationVillages).values([...new Set(input.villageCodes)].map((villageCode) => ({ regulationId: row!.id, villageCode })));
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "regulation.create",
      entityType: "regulation",
      entityId: String(row!.id),
      details: { after: fields(input), villageCodes: input.villageCodes },
    });
    return row!;
  });
}

/** Locks a regulation of the viewer's scope for a change, or says it was not found. */
async function lockForWrite(tx: Tx, viewer: Viewer, id: number) {
  const [row] = await tx
    .select()
    .from(regulations)
    .where(and(eq(regulations.id, id), inScope(viewer)))
    .for("update");
  if (!row) throw new NotFoundError("Regulasi");
  return row;
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(after)) if (before[k] !== v) out[k] = { from: before[k], to: v };
  return out;
}

/** Drafts and regulations in review are edited directly; enacted ones change only by amendment. */
export async function updateRegulation(viewer: Viewer, id: number, input: RegulationInput) {
  assertCan(viewer.role, "regulations.manage");
  await db().transaction(async (tx) => {
    const before = await lockForWrite(tx, viewer, id);
    if (before.status !== "draft" && before.status !== "review")
      throw new UserFacingError("Regulasi yang sudah ditetapkan hanya dapat diubah melalui perubahan (amandemen).");
    await checkVillages(tx, before.regencyCode, input.villageCodes);
    const after = fields(input);
    await tx
      .update(regulations)
      .set({ ...after, updatedAt: new Date() })
      .where(eq(regulations.id, id));
    await tx.delete(regulationVillages).where(eq(regulationVillages.regulationId, id));
    if (input.villageCodes.length)
      await tx.insert(regulationVillages).values([...new Set(input.villageCodes)].map((villageCode) => ({ regulationId: id, villageCode })));
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "regulation.update",
      entityType: "regulation",
      entityId: String(id),
      details: { changes: diff(before, after) },
    });
  });
}

async function transition(
  tx: Tx,
  viewer: Viewer,
  id: number,
  to: RegulationStatus,
  set: Partial<typeof regulations.$inferInsert>,
  details: Record<string, unknown> = {},
) {
  const before = await lockForWrite(tx, viewer, id);
  if (!canTransition(before.status, to)) throw new UserFacingError(`Regulasi berstatus ${before.status} tidak dapat diubah menjadi ${to}.`);
  await tx
    .update(regulations)
    .set({ ...set, status: to, updatedAt: new Date() })
    .where(eq(regulations.id, id));
  await writeAudit(tx, {
    actorId: viewer.id,
    action: `regulation.${to}` as const,
    entityType: "regulation",
    entityId: String(id),
    details: { status: { from: before.status, to }, ...details },
  });
  return before;
}

export async function submitRegulationForReview(viewer: Viewer, id: number) {
  assertCan(viewer.role, "regulations.manage");
  await db().transaction((tx) => transition(tx, viewer, id, "review", {}));
}

export async function returnRegulationToDraft(viewer: Viewer, id: number) {
  assertCan(viewer.role, "regulations.manage");
  await db().transaction((tx) => transition(tx, viewer, id, "draft", {}));
}

export async function enactRegulation(viewer: Viewer, id: number, input: { number: string; enactedOn: string }) {
  assertCan(viewer.role, "regulations.manage");
  await db().transaction(async (tx) => {
    const reg = await transition(tx, viewer, id, "enacted", input, { number: input.number, enactedOn: input.enactedOn });
    await promoteWaiting(tx, reg.regencyCode, await todayIn(tx), viewer.id);
  });
}

/**
 * Ends (expired) or revokes a regulation, deciding in the same step what happens to its
 * workers: moved to a successor of the same area (in order of original submission, up to its
 * free places, the rest to the waiting list), or ended with reason "regulasi berakhir".
 */
export async function endRegulation(
  viewer: Viewer,
  id: number,
  input: { endedOn: string; reason: "expired" | "revoked"; workers: "move" | "end"; successorId: number | null },
) {
  assertCan(viewer.role, "regulations.manage");
  await db().transaction(async (tx) => {
    const current = await lockForWrite(tx, viewer, id);
    let successorId: number | null = null;
    if (input.workers === "move") {
      const [succ] = await tx
        .select()
        .from(regulations)
        .where(and(eq(regulations.id, input.successorId ?? -1), inScope(viewer)))
        .for("update");
      if (!succ || succ.id === id || succ.regencyCode !== current.regencyCode || succ.status !== "enacted") {
        throw new UserFacingError("Regulasi pengganti harus regulasi lain yang sudah ditetapkan di kabupaten/kota yang sama.", {
          successorId: ["Pilih regulasi pengganti yang sudah ditetapkan."],
        });
      }
      successorId = succ.id;
    }
    if (input.endedOn < current.startsOn)
      throw new UserFacingError("Tanggal berakhir tidak boleh sebelum tanggal mulai berlaku.", {
        endedOn: ["Tanggal berakhir tidak boleh sebelum tanggal mulai berlaku."],
      });
    await settleHolders(tx, { regulationId: id, successorId, actorId: viewer.id, endedOn: input.endedOn });
    // Credit the regulation's SP2D left unallocated is refunded to the Kas Daerah (agreement with BPJS).
    await lockRegulationBilling(tx, id);
    await recordRefund(tx, { regulationId: id, regencyCode: current.regencyCode, actorId: viewer.id });
    await transition(
      tx,
      viewer,
      id,
      "ended",
      { endedOn: input.endedOn, endReason: input.reason, successorId },
      { reason: input.reason, workers: input.workers, successorId },
    );
  });
}

export async function upsertRegulationBudget(
  viewer: Viewer,
  id: number,
  input: { fiscalYear: number; allocated: number; monthsCovered: number; assumedMonthlyRate: number | null },
) {
  assertCan(viewer.role, "regulations.manage");
  await db().transaction(async (tx) => {
    const reg = await lockForWrite(tx, viewer, id);
    if (reg.status === "ended") throw new UserFacingError("Regulasi yang sudah berakhir tidak dapat diberi anggaran baru.");
    if (reg.status === "enacted") throw new UserFacingError("Anggaran regulasi yang sudah ditetapkan diubah melalui perubahan (amandemen).");
    const [before] = await tx
      .select()
      .from(regulationBudgets)
      .where(and(eq(regulationBudgets.regulationId, id), eq(regulationBudgets.fiscalYear, input.fiscalYear)));
    await tx
      .insert(regulationBudgets)
      .values({ regulationId: id, ...input })
      .onConflictDoUpdate({ target: [regulationBudgets.regulationId, regulationBudgets.fiscalYear], set: { ...input, updatedAt: new Date() } });
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "regulation.budget",
      entityType: "regulation",
      entityId: String(id),
      details: { fiscalYear: input.fiscalYear, allocated: { from: before?.allocated ?? null, to: input.allocated } },
    });
  });
}

export async function createAmendment(
  viewer: Viewer,
  id: number,
  input: { title: string; newQuota: number | null; newEndsOn: string | null; budgetFiscalYear: number | null; budgetAllocated: number | null },
) {
  assertCan(viewer.role, "regulations.manage");
  return db().transaction(async (tx) => {
    const reg = await lockForWrite(tx, viewer, id);
    if (reg.status !== "enacted") throw new UserFacingError("Perubahan hanya untuk regulasi yang sudah ditetapkan dan belum berakhir.");
    if (input.newEndsOn && input.newEndsOn < reg.startsOn)
      throw new UserFacingError("Tanggal akhir baru tidak boleh sebelum tanggal mulai berlaku.", {
        newEndsOn: ["Tanggal akhir baru tidak boleh sebelum tanggal mulai berlaku."],
      });
    const [row] = await tx
      .insert(regulationAmendments)
      .values({ regulationId: id, ...input, createdBy: viewer.id })
      .returning();
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "amendment.create",
      entityType: "regulation_amendment",
      entityId: String(row!.id),
      details: { regulationId: id, ...input },
    });
    return row!;
  });
}

/**
 * Enacting an amendment changes its regulation in one transaction (quota, end date, budget).
 * A quota below the places already taken is refused; the CHECK on regulations backs this up.
 */
export async function enactAmendment(viewer: Viewer, amendmentId: number, input: { number: string; enactedOn: string }) {
  assertCan(viewer.role, "regulations.manage");
  await db().transaction(async (tx) => {
    const [amendment] = await tx.select().from(regulationAmendments).where(eq(regulationAmendments.id, amendmentId)).for("update");
    if (!amendment) throw new NotFoundError("Perubahan");
    const reg = await lockForWrite(tx, viewer, amendment.regulationId);
    if (amendment.status === "enacted") throw new UserFacingError("Perubahan ini sudah ditetapkan.");
    if (reg.status !== "enacted") throw new UserFacingError("Regulasi induknya tidak lagi berlaku, perubahan tidak dapat ditetapkan.");
    if (amendment.newQuota != null && amendment.newQuota < reg.counted) {
      throw new UserFacingError(
        `Kuota baru (${amendment.newQuota}) lebih kecil dari pekerja yang sudah terhitung (${reg.counted}). Kurangi pekerja terlebih dahulu atau naikkan kuota.`,
      );
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const set: Partial<typeof regulations.$inferInsert> = { updatedAt: new Date() };
    if (amendment.newQuota != null) {
      set.quota = amendment.newQuota;
      changes.quota = { from: reg.quota, to: amendment.newQuota };
    }
    if (amendment.newEndsOn != null) {
      set.endsOn = amendment.newEndsOn;
      changes.endsOn = { from: reg.endsOn, to: amendment.newEndsOn };
    }
    await tx.update(regulations).set(set).where(eq(regulations.id, reg.id));
    if (amendment.budgetFiscalYear != null && amendment.budgetAllocated != null) {
      const [before] = await tx
        .select()
        .from(regulationBudgets)
        .where(and(eq(regulationBudgets.regulationId, reg.id), eq(regulationBudgets.fiscalYear, amendment.budgetFiscalYear)));
      await tx
        .insert(regulationBudgets)
        .values({ regulationId: reg.id, fiscalYear: amendment.budgetFiscalYear, allocated: amendment.budgetAllocated, monthsCovered: 12 })
        .onConflictDoUpdate({
          target: [regulationBudgets.regulationId, regulationBudgets.fiscalYear],
          set: { allocated: amendment.budgetAllocated, updatedAt: new Date() },
        });
      changes[`anggaran ${amendment.budgetFiscalYear}`] = { from: before?.allocated ?? null, to: amendment.budgetAllocated };
    }
    // The quota it replaced answers "what was the quota on a past day" (quarterly reports).
    await tx
      .update(regulationAmendments)
      .set({ status: "enacted", number: input.number, enactedOn: input.enactedOn, previousQuota: amendment.newQuota != null ? reg.quota : null })
      .where(eq(regulationAmendments.id, amendmentId));
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "amendment.enact",
      entityType: "regulation_amendment",
      entityId: String(amendmentId),
      details: { regulationId: reg.id, number: input.number, changes },
    });
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "regulation.amended",
      entityType: "regulation",
      entityId: String(reg.id),
      details: { amendmentId, number: input.number, changes },
    });
    // A larger quota or a longer period frees places: waiting workers take them at once.
    await promoteWaiting(tx, reg.regencyCode, await todayIn(tx), viewer.id);
  });
}

/** Records the uploaded PDF (stored by the upload route under a generated name). */
export async function setRegulationDocument(viewer: Viewer, id: number, file: { storedName: string; originalName: string }) {
  assertCan(viewer.role, "regulations.manage");
  return db().transaction(async (tx) => {
    const before = await lockForWrite(tx, viewer, id);
    await tx.update(regulations).set({ documentFile: file.storedName, documentName: file.originalName, updatedAt: new Date() }).where(eq(regulations.id, id));
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "regulation.document",
      entityType: "regulation",
      entityId: String(id),
      details: { document: { from: before.documentName, to: file.originalName } },
    });
    return before.documentFile;
  });
}

/** Records an amendment's own signed PDF (scoped through its regulation). */
export async function setAmendmentDocument(viewer: Viewer, regulationId: number, amendmentId: number, file: { storedName: string; originalName: string }) {
  assertCan(viewer.role, "regulations.manage");
  return db().transaction(async (tx) => {
    await lockForWrite(tx, viewer, regulationId);
    const [before] = await tx
      .select()
      .from(regulationAmendments)
      .where(and(eq(regulationAmendments.id, amendmentId), eq(regulationAmendments.regulationId, regulationId)))
      .for("update");
    if (!before) throw new NotFoundError("Perubahan");
    await tx
      .update(regulationAmendments)
      .set({ documentFile: file.storedName, documentName: file.originalName })
      .where(eq(regulationAmendments.id, amendmentId));
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "amendment.document",
      entityType: "regulation_amendment",
      entityId: String(amendmentId),
      details: { document: { from: before.documentName, to: file.originalName } },
    });
    return before.documentFile;
  });
}

/** The stored document of a regulation (or of one of its amendments) in the viewer's scope. */
export async function getRegulationDocumentForViewer(viewer: Viewer, id: number, amendmentId?: number) {
  assertCan(viewer.role, "regulations.view");
  const [row] = amendmentId
    ? await db()
        .select({ file: regulationAmendments.documentFile, name: regulationAmendments.documentName })
        .from(regulationAmendments)
        .innerJoin(regulations, eq(regulations.id, regulationAmendments.regulationId))
        .where(and(eq(regulationAmendments.id, amendmentId), eq(regulations.id, id), inScope(viewer)))
    : await db()
        .select({ file: regulations.documentFile, name: regulations.documentName })
        .from(regulations)
        .where(and(eq(regulations.id, id), inScope(viewer)));
  if (!row?.file) throw new NotFoundError("Dokumen");
  return { file: row.file, name: row.name ?? "regulasi.pdf" };
}

/**
 * The inputs of the detail page's figures for the current WIB day and fiscal year: the quota
 * counter, and from the worker registry the aktif workers, the area's waiting list, places taken
 * in the last four weeks and the workers aktif on any day of each month of the fiscal year.
 */
export async function getRegulationFiguresForViewer(viewer: Viewer, id: number) {
  const reg = await getRegulationForViewer(viewer, id);
  const today = await clockToday();
  const year = Number(today.slice(0, 4));
  const fourWeeksAgo = new Date((await now()).getTime() - 28 * 86_400_000);
  const [[counts], activeByMonth, tariffRows] = await Promise.all([
    rows<{ active: number; waiting: number; takenLast4Weeks: number }>(
      db(),
      sql`select
        (select count(*)::int from workers where regulation_id = ${id} and status = 'aktif') as active,
        (select count(*)::int from workers where regency_code = ${reg.regencyCode} and status = 'daftar_tunggu') as waiting,
        (select count(*)::int from worker_events where regulation_id = ${id} and at >= ${fourWeeksAgo.toISOString()}::timestamptz
            and to_status in ('diajukan', 'diverifikasi', 'aktif')
            and (from_status is null or from_status not in ('diajukan', 'diverifikasi', 'aktif'))) as "takenLast4Weeks"`,
    ),
    aktifByMonth(db(), { by: "regulation", where: sql`a.regulation_id = ${id}`, from: `${year}-01`, to: today.slice(0, 7) }),
    listTariffs(),
  ]);
  const budget = reg.budgets.find((b) => b.fiscalYear === year) ?? null;
  return {
    reg,
    today,
    year,
    workers: { ...counts!, activeByMonth: activeByMonth.filter((m) => m.aktif > 0).map((m) => ({ month: m.month, active: m.aktif })) },
    tariffs: tariffRows,
    budget,
  };
}

/**
 * The supervisor moves workers between regulations of the area: the earliest-submitted holders
 * of one regulation move to another in force with free places (as many as fit). Returns how many moved.
 */
export async function moveWorkersBetweenRegulations(viewer: Viewer, input: { fromId: number; toId: number; count: number }) {
  assertCan(viewer.role, "regulations.manage");
  return db().transaction(async (tx) => {
    const from = await lockForWrite(tx, viewer, input.fromId);
    const to = await lockForWrite(tx, viewer, input.toId);
    const today = await todayIn(tx);
    if (from.id === to.id || from.regencyCode !== to.regencyCode)
      throw new UserFacingError("Pilih regulasi lain di kabupaten/kota yang sama.", { toId: ["Pilih regulasi lain di kabupaten/kota yang sama."] });
    const inForce = await firstRow<{ ok: boolean }>(tx, sql`select ${inForceToday(today)} as ok from regulations r where r.id = ${to.id}`);
    if (!inForce?.ok) {
      throw new UserFacingError("Regulasi tujuan harus sedang berlaku.", { toId: ["Regulasi tujuan harus sedang berlaku."] });
    }
    const n = Math.min(input.count, to.quota - to.counted, from.counted);
    if (n <= 0) throw new UserFacingError("Tidak ada tempat kosong di regulasi tujuan atau tidak ada pekerja untuk dipindah.");
    const moved = await rows<{
      id: number;
      status: string;
    }>(
      tx,
      sql`with pick as (
        select id, status from workers where regulation_id = ${from.id} order by submitted_at, id limit ${n} for update)
      update workers w set regulation_id = ${to.id}, updated_at = now() from pick where w.id = pick.id returning w.id, pick.status`,
    );
    await tx
      .update(regulations)
      .set({ counted: sql`${regulations.counted} - ${moved.length}` })
      .where(eq(regulations.id, from.id));
    await tx
      .update(regulations)
      .set({ counted: sql`${regulations.counted} + ${moved.length}` })
      .where(eq(regulations.id, to.id));
    await tx.execute(
      insertEvents(sql`select m.id, ${viewer.id}::uuid, m.status::worker_status, m.status::worker_status, ${to.id}::int, ${`Dipindah dari regulasi ${from.id}`}, ${EVENT_TODAY}, ${EVENT_NOW}
        from jsonb_to_recordset(${JSON.stringify(moved)}::jsonb) as m(id bigint, status text)`),
    );
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "regulation.move_workers",
      entityType: "regulation",
      entityId: String(from.id),
      details: { toId: to.id, count: moved.length },
    });
    return moved.length;
  });
}
