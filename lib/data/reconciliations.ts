import "server-only";
import { sql } from "drizzle-orm";
import { db, type Executor, sqlClient } from "@/db/client";
import { assertCan } from "@/lib/authz/permissions";
import { billInScope, scopeOf } from "@/lib/authz/scope";
import type { Viewer } from "@/lib/authz/viewer";
import { today as clockToday } from "@/lib/clock";
import { maskNik } from "@/lib/domain/nik";
import type { BpjsRow } from "@/lib/imports/bpjs-list";
import { writeAudit } from "./audit";
import { inExportSlot } from "./internal/export-slot";
import { RECONCILIATION_CATEGORIES, runReconciliation } from "./internal/reconcile";
import { firstRow, rows } from "./internal/rows";
import { NotFoundError, UserFacingError } from "./errors";

// Reconciliation with BPJS's monthly participant list: the branch head uploads it for a
// regulation and month; the portal compares and never changes data by itself. Each row that is
// not a plain match gets a category and a link to the action that settles it. The signed berita
// acara locks the month. See docs/contributions.md.

export { RECONCILIATION_CATEGORIES };
export type ReconciliationCategory = (typeof RECONCILIATION_CATEGORIES)[number];

const recScope = (viewer: Viewer, alias = "r") => billInScope(scopeOf(viewer), sql.raw(`${alias}.regency_code`), sql.raw(`${alias}.office_id`));

/** The regulations a branch head can reconcile: enacted or ended ones of the areas its branch serves. */
export async function listReconcilableRegulationsForViewer(viewer: Viewer) {
  assertCan(viewer.role, "reconciliation.upload");
  return rows<{ id: number; title: string; regencyName: string }>(
    db(),
    sql`select r.id, r.title, g.name as "regencyName" from regulations r join regencies g on g.code = r.regency_code
     where r.status in ('enacted', 'ended') and r.regency_code in (select left(bc.district_code, 5) from branch_coverage bc where bc.office_id = ${viewer.officeId ?? -1})
     order by g.name, r.title`,
  );
}

export async function listReconciliationsForViewer(viewer: Viewer) {
  assertCan(viewer.role, "billing.view");
  return rows<{
    id: number;
    month: string;
    regulationTitle: string;
    officeName: string;
    status: string;
    rows: number;
    counts: Record<string, number>;
    createdAt: string;
  }>(
    db(),
    sql`select r.id, to_char(r.month, 'YYYY-MM') as month, g.title as "regulationTitle", o.name as "officeName", r.status::text as status, r.rows, r.counts,
         r.created_at::text as "createdAt"
      from reconciliations r join regulations g on g.id = r.regulation_id join offices o on o.id = r.office_id
     where ${recScope(viewer)} order by r.month desc, r.id desc limit 200`,
  );
}

/**
 * The branch head compares BPJS's list (already read and checked, in batches) with the portal for
 * a regulation of an area its branch serves, its own branch and a month that has begun; the
 * comparison itself is runReconciliation (lib/data/internal/reconcile.ts), in one transaction.
 */
export async function reconcileForViewer(
  viewer: Viewer,
  args: { regulationId: number; month: string; fileId: string; fileName: string; list: AsyncIterable<BpjsRow[]> },
): Promise<{ id: number; rows: number; counts: Record<string, number> }> {
  assertCan(viewer.role, "reconciliation.upload");
  const today = await clockToday();
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(args.month) || args.month > today.slice(0, 7))
    throw new UserFacingError("Bulan rekonsiliasi tidak boleh setelah bulan ini.", { month: ["Pilih bulan yang sudah berjalan."] });
  const officeId = viewer.officeId ?? -1;
  const reg = await firstRow<{ regencyCode: string }>(
    db(),
    sql`select r.regency_code as "regencyCode" from regulations r where r.id = ${args.regulationId} and r.status in ('enacted', 'ended')
         and r.regency_code in (select left(bc.district_code, 5) from branch_coverage bc where bc.office_id = ${officeId})`,
  );
  if (!reg) throw new NotFoundError("Regulasi");
  return sqlClient().begin((tx) =>
    runReconciliation(tx, {
      regulationId: args.regulationId,
      regencyCode: reg.regencyCode,
      officeId,
      month: args.month,
      fileId: args.fileId,
      fileName: args.fileName,
      actorId: viewer.id,
      list: args.list,
    }),
  );
}

export type ReconciliationRow = {
  n: number;
  category: ReconciliationCategory;
  rowNo: number | null;
  kpj: string | null;
  nik: string | null;
  name: string | null;
  bpjsStatus: string | null;
  bpjsLastPaid: string | null;
  workerId: number | null;
  portalKpj: string | null;
  portalLastPaid: string | null;
  problem: string | null;
};

/** One reconciliation with its counts, the month's bill figures, and a page of rows of one category (masked NIK). */
export async function getReconciliationForViewer(viewer: Viewer, id: number, category?: ReconciliationCategory, limit = 100, exec: Executor = db()) {
  assertCan(viewer.role, "billing.view");
  const rec = await firstRow<{
    id: number;
    regulationId: number;
    regulationTitle: string;
    regulationNumber: string | null;
    regencyName: string;
    regencyCode: string;
    officeId: number;
    officeName: string;
    month: string;
    status: string;
    fileName: string;
    rows: number;
    counts: Record<string, number>;
    signedName: string | null;
    lockedAt: string | null;
    createdAt: string;
    createdByName: string | null;
  }>(
    exec,
    sql`select r.id, r.regulation_id as "regulationId", g.title as "regulationTitle", g.number as "regulationNumber", rg.name as "regencyName",
         rg.code as "regencyCode", r.office_id as "officeId", o.name as "officeName", to_char(r.month, 'YYYY-MM') as month, r.status::text as status, r.file_name as "fileName",
         r.rows, r.counts, r.signed_name as "signedName", r.locked_at::text as "lockedAt", r.created_at::text as "createdAt", u.name as "createdByName"
      from reconciliations r join regulations g on g.id = r.regulation_id join regencies rg on rg.code = r.regency_code join offices o on o.id = r.office_id
      left join users u on u.id = r.created_by
     where r.id = ${id} and ${recScope(viewer)}`,
  );
  if (!rec) throw new NotFoundError("Rekonsiliasi");
  const bill = await firstRow<{ lines: number; charged: number; paid: number }>(
    exec,
    sql`select count(l.*)::int as lines, coalesce(sum(l.amount) filter (where l.kind <> 'koreksi'), 0)::bigint as charged,
         coalesce(sum(l.amount) filter (where l.kind <> 'koreksi' and exists (select 1 from paid_months p where p.bill_line_id = l.id)), 0)::bigint as paid
      from bills b join bill_lines l on l.bill_id = b.id
     where b.regulation_id = ${rec.regulationId} and b.office_id = ${rec.officeId} and b.month = ${`${rec.month}-01`}::date and b.status = 'diterbitkan' and not l.voided`,
  );
  const list = category
    ? await rows<ReconciliationRow>(
        exec,
        sql`select n, category, row_no as "rowNo", kpj, nik, name, bpjs_status as "bpjsStatus", bpjs_last_paid as "bpjsLastPaid", worker_id::int as "workerId",
             portal_kpj as "portalKpj", portal_last_paid as "portalLastPaid", problem
          from reconciliation_rows where reconciliation_id = ${id} and category = ${category} order by n limit ${limit}`,
      )
    : [];
  return {
    ...rec,
    bill: { lines: bill!.lines, charged: Number(bill!.charged), paid: Number(bill!.paid) },
    list: list.map((r) => ({ ...r, nik: r.nik && /^\d{16}$/.test(r.nik) ? maskNik(r.nik) : r.nik ? "••••" : null })),
  };
}

/** Every row of a category, for download (masked NIK; audited). */
export async function exportReconciliationRowsForViewer(viewer: Viewer, id: number, category: ReconciliationCategory) {
  // One export per user at a time (internal/export-slot.ts).
  return inExportSlot(viewer, async (tx) => {
    const rec = await getReconciliationForViewer(viewer, id, category, 200_000, tx);
    await writeAudit(tx, { actorId: viewer.id, action: "reconciliation.export", entityType: "reconciliation", entityId: String(id), details: { category } });
    return rec;
  });
}

/**
 * The branch head uploads the signed berita acara (a PDF already in the file store): the month's
 * reconciliation is locked from then on.
 */
export async function lockReconciliation(viewer: Viewer, id: number, file: { fileId: string; name: string }) {
  assertCan(viewer.role, "reconciliation.upload");
  await db().transaction(async (tx) => {
    const rec = await firstRow<{ status: string }>(
      tx,
      sql`select r.status::text as status from reconciliations r where r.id = ${id} and ${recScope(viewer)} for update`,
    );
    if (!rec) throw new NotFoundError("Rekonsiliasi");
    if (rec.status === "terkunci") throw new UserFacingError("Rekonsiliasi ini sudah dikunci.");
    await tx.execute(
      sql`update reconciliations set status = 'terkunci', signed_file_id = ${file.fileId}::uuid, signed_name = ${file.name}, locked_at = portal_now(), locked_by = ${viewer.id} where id = ${id}`,
    );
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "reconciliation.lock",
      entityType: "reconciliation",
      entityId: String(id),
      details: { file: file.name },
    });
  });
}

export async function getSignedBeritaAcaraForViewer(viewer: Viewer, id: number) {
  assertCan(viewer.role, "billing.view");
  const r = await firstRow<{ file: string | null; name: string | null }>(
    db(),
    sql`select r.signed_file_id::text as file, r.signed_name as name from reconciliations r where r.id = ${id} and ${recScope(viewer)}`,
  );
  if (!r?.file) throw new NotFoundError("Berita acara");
  return { file: r.file, name: r.name ?? "berita-acara.pdf" };
}
