import "server-only";
import { sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { assertCan, ForbiddenError } from "@/lib/authz/permissions";
import { billInScope, regencyInScope, scopeOf } from "@/lib/authz/scope";
import type { Viewer } from "@/lib/authz/viewer";
import { today as clockToday } from "@/lib/clock";
import { maskNik } from "@/lib/domain/nik";
import { addMonths } from "@/lib/domain/wib";
import { writeAudit } from "./audit";
import { allocatePayment, draftRegulationMonth, lockRegulationBilling, unallocatedSql, type DraftResult } from "./internal/billing";
import { inExportSlot } from "./internal/export-slot";
import { firstRow, rows } from "./internal/rows";
import { NotFoundError, UserFacingError } from "./errors";

// Bills: drafted per regulation × branch × month, issued by the branch head with BPJS's kode iuran,
// voided with a reason. Payments (SP2D) are in lib/data/payments.ts. See docs/contributions.md.

const billScope = (viewer: Viewer, alias = "b") => billInScope(scopeOf(viewer), sql.raw(`${alias}.regency_code`), sql.raw(`${alias}.office_id`));

export type BillStatus = "draf" | "diterbitkan" | "batal";

export type BillRow = {
  id: number;
  regulationId: number;
  regulationTitle: string;
  regulationNumber: string | null;
  regencyCode: string;
  regencyName: string;
  officeId: number;
  officeName: string;
  month: string;
  status: BillStatus;
  kodeIuran: string | null;
  lines: number;
  charged: number;
  credited: number;
  total: number;
  paid: number;
  pending: number;
};

// A bill's figures: charges (iuran + susulan) less credits (koreksi); paid = confirmed; pending =
// allocated to a part not yet confirmed. Lines of a void bill keep their figures for the record.
// One pass over the bill's lines (a line is on at most one live payment line).
const BILL_FIGURES_JOIN = sql`left join lateral (
    select count(*)::int as lines,
           coalesce(sum(l.amount) filter (where l.kind <> 'koreksi'), 0)::bigint as charged,
           coalesce(sum(l.amount) filter (where l.kind = 'koreksi'), 0)::bigint as credited,
           coalesce(sum(case when l.kind = 'koreksi' then -l.amount else l.amount end) filter (where pp.status = 'dikonfirmasi'), 0)::bigint as paid,
           coalesce(sum(case when l.kind = 'koreksi' then -l.amount else l.amount end) filter (where pp.status = 'menunggu'), 0)::bigint as pending
      from bill_lines l left join payment_lines pl on pl.bill_line_id = l.id and pl.live left join payment_parts pp on pp.id = pl.part_id
     where l.bill_id = b.id) f on true`;
const BILL_FIGURES = sql`f.lines, f.charged, f.credited, f.paid, f.pending`;

const BILL_COLUMNS = sql`b.id, b.regulation_id as "regulationId", r.title as "regulationTitle", r.number as "regulationNumber", b.regency_code as "regencyCode", g.name as "regencyName",
  b.office_id as "officeId", o.name as "officeName", to_char(b.month, 'YYYY-MM') as month, b.status::text as status, b.kode_iuran as "kodeIuran"`;

function withTotals<T extends { charged: number | string; credited: number | string; paid: number | string; pending: number | string }>(r: T) {
  const charged = Number(r.charged);
  const credited = Number(r.credited);
  return { ...r, charged, credited, total: charged - credited, paid: Number(r.paid), pending: Number(r.pending) };
}

export const BILL_PAGE_SIZE = 100;

/** Bills the viewer may see, newest month first; optionally of one regulation or status. */
export async function listBillsForViewer(viewer: Viewer, filter: { regulationId?: number; status?: BillStatus } = {}): Promise<BillRow[]> {
  assertCan(viewer.role, "billing.view");
  const list = await rows<BillRow>(
    db(),
    sql`select ${BILL_COLUMNS}, ${BILL_FIGURES}
      from bills b join regulations r on r.id = b.regulation_id join regencies g on g.code = b.regency_code join offices o on o.id = b.office_id ${BILL_FIGURES_JOIN}
     where ${billScope(viewer)} ${filter.regulationId ? sql`and b.regulation_id = ${filter.regulationId}` : sql``}
       ${filter.status ? sql`and b.status = ${filter.status}` : sql``}
     order by b.month desc, b.regency_code, r.title, o.name, b.id desc
     limit 500`,
  );
  return list.map(withTotals);
}

async function billRow(viewer: Viewer, id: number, exec: Executor = db()): Promise<BillRow> {
  const row = await firstRow<BillRow>(
    exec,
    sql`select ${BILL_COLUMNS}, ${BILL_FIGURES}
      from bills b join regulations r on r.id = b.regulation_id join regencies g on g.code = b.regency_code join offices o on o.id = b.office_id ${BILL_FIGURES_JOIN}
     where b.id = ${id} and ${billScope(viewer)}`,
  );
  if (!row) throw new NotFoundError("Tagihan");
  return withTotals(row);
}

export type BillLine = {
  id: number;
  workerId: number;
  kpj: string | null;
  nik: string;
  name: string;
  districtName: string;
  month: string;
  kind: "iuran" | "susulan" | "koreksi";
  amount: number;
  paid: boolean;
};

/** One bill with its lines by kecamatan and a page of lines (masked NIK). */
export async function getBillForViewer(viewer: Viewer, id: number, page = 1) {
  assertCan(viewer.role, "billing.view");
  const bill = await billRow(viewer, id);
  const detail = await firstRow<{
    draftedAt: Date;
    issuedAt: Date | null;
    voidedAt: Date | null;
    voidReason: string | null;
    issuedByName: string | null;
    voidedByName: string | null;
    regulationStatus: string;
    regulationNumber: string | null;
  }>(
    db(),
    sql`select b.drafted_at as "draftedAt", b.issued_at as "issuedAt", b.voided_at as "voidedAt", b.void_reason as "voidReason",
         iu.name as "issuedByName", vu.name as "voidedByName", r.status::text as "regulationStatus", r.number as "regulationNumber"
      from bills b join regulations r on r.id = b.regulation_id left join users iu on iu.id = b.issued_by left join users vu on vu.id = b.voided_by where b.id = ${id}`,
  );
  const byDistrict = await rows<{ districtCode: string; districtName: string; lines: number; amount: number }>(
    db(),
    sql`select l.district_code as "districtCode", d.name as "districtName", count(*)::int as lines,
         sum(case when l.kind = 'koreksi' then -l.amount else l.amount end)::bigint as amount
      from bill_lines l join districts d on d.code = l.district_code where l.bill_id = ${id} group by 1, 2 order by 1`,
  );
  const byMonth = await rows<{ month: string; kind: string; lines: number; amount: number }>(
    db(),
    sql`select to_char(l.month, 'YYYY-MM') as month, l.kind::text as kind, count(*)::int as lines, sum(l.amount)::bigint as amount
      from bill_lines l where l.bill_id = ${id} group by 1, 2 order by 1, 2`,
  );
  const items = await billLines(id, { offset: (Math.max(1, page) - 1) * BILL_PAGE_SIZE, limit: BILL_PAGE_SIZE });
  const d = detail!;
  const at = (x: Date | string | null) => (x == null ? null : new Date(x));
  return {
    ...bill,
    ...d,
    draftedAt: new Date(d.draftedAt),
    issuedAt: at(d.issuedAt),
    voidedAt: at(d.voidedAt),
    byDistrict: byDistrict.map((d) => ({ ...d, amount: Number(d.amount) })),
    byMonth: byMonth.map((m) => ({ ...m, amount: Number(m.amount) })),
    items,
    page: Math.max(1, page),
    pages: Math.max(1, Math.ceil(bill.lines / BILL_PAGE_SIZE)),
  };
}

async function billLines(billId: number, range: { offset: number; limit: number } | null, exec: Executor = db()): Promise<BillLine[]> {
  const list = await rows<BillLine>(
    exec,
    sql`select l.id::int as id, l.worker_id::int as "workerId", w.kpj_number as kpj, l.nik, w.name, d.name as "districtName", to_char(l.month, 'YYYY-MM') as month,
         l.kind::text as kind, l.amount,
         exists (select 1 from payment_lines pl join payment_parts pp on pp.id = pl.part_id where pl.bill_line_id = l.id and pl.live and pp.status = 'dikonfirmasi') as paid
      from bill_lines l join workers w on w.id = l.worker_id join districts d on d.code = l.district_code
     where l.bill_id = ${billId}
     order by l.month, l.district_code, w.name, l.id
     ${range ? sql`offset ${range.offset} limit ${range.limit}` : sql``}`,
  );
  return list.map((l) => ({ ...l, nik: maskNik(l.nik) }));
}

/** Every line of a bill (or the first `limit`: the printed page), for the rincian tagihan the Dinas attaches to its SPM (audited). */
export async function exportBillForViewer(viewer: Viewer, id: number, limit?: number) {
  assertCan(viewer.role, "billing.view");
  // One export per user at a time (internal/export-slot.ts).
  return inExportSlot(viewer, async (tx) => {
    const bill = await billRow(viewer, id, tx);
    const lines = await billLines(id, limit ? { offset: 0, limit } : null, tx);
    await writeAudit(tx, { actorId: viewer.id, action: "bill.export", entityType: "bill", entityId: String(id), details: { lines: lines.length } });
    return { bill, lines };
  });
}

/**
 * The supervisor drafts (or redrafts) a month of a regulation of the area: the monthly job does
 * this on the 1st; the supervisor can catch up a past month or pick up facts recorded since.
 */
export async function draftBillsForViewer(viewer: Viewer, args: { regulationId: number; month: string }): Promise<DraftResult> {
  assertCan(viewer.role, "billing.draft");
  const today = await clockToday();
  if (args.month > today.slice(0, 7)) throw new UserFacingError("Bulan tagihan belum tiba.", { month: ["Bulan tagihan tidak boleh setelah bulan ini."] });
  if (args.month < addMonths(today.slice(0, 7), -24))
    throw new UserFacingError("Bulan tagihan terlalu lama.", { month: ["Tagihan hanya dapat disusun untuk 24 bulan terakhir."] });
  return db().transaction(async (tx) => {
    const reg = await firstRow<{ status: string }>(
      tx,
      sql`select r.status::text as status from regulations r where r.id = ${args.regulationId} and ${regencyInScope(scopeOf(viewer), sql`r.regency_code`)}`,
    );
    if (!reg) throw new NotFoundError("Regulasi");
    if (reg.status !== "enacted")
      throw new UserFacingError("Tagihan hanya disusun untuk regulasi yang berlaku.", { regulationId: ["Regulasi ini tidak sedang berlaku."] });
    const result = await draftRegulationMonth(tx, args.regulationId, args.month);
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "bill.draft",
      entityType: "regulation",
      entityId: String(args.regulationId),
      details: { month: args.month, ...result },
    });
    return result;
  });
}

/**
 * The branch head issues a draft bill of its branch with BPJS's kode iuran; its lines freeze
 * (trigger). Unallocated money of the regulation's payments (credit) goes to it at once.
 */
export async function issueBill(viewer: Viewer, id: number, kodeIuran: string) {
  assertCan(viewer.role, "billing.issue");
  if (!/^[0-9]{11}$/.test(kodeIuran)) throw new UserFacingError("Kode iuran harus 11 digit angka.", { kodeIuran: ["Kode iuran harus 11 digit angka."] });
  const today = await clockToday();
  return db().transaction(async (tx) => {
    const bill = await firstRow<{ status: string; regulationId: number; regulationStatus: string; lines: number }>(
      tx,
      sql`select b.status::text as status, b.regulation_id as "regulationId", r.status::text as "regulationStatus",
           (select count(*) from bill_lines l where l.bill_id = b.id)::int as lines
        from bills b join regulations r on r.id = b.regulation_id where b.id = ${id} and ${billScope(viewer)}`,
    );
    if (!bill) throw new NotFoundError("Tagihan");
    await lockRegulationBilling(tx, bill.regulationId);
    const locked = await firstRow<{ status: string }>(tx, sql`select status::text as status from bills where id = ${id} for update`);
    if (locked!.status !== "draf")
      throw new UserFacingError(locked!.status === "diterbitkan" ? "Tagihan ini sudah diterbitkan." : "Tagihan ini sudah dibatalkan.");
    if (bill.regulationStatus !== "enacted")
      throw new UserFacingError("Regulasi tagihan ini sudah berakhir; tagihan tidak dapat diterbitkan. Batalkan tagihan ini.");
    if (bill.lines === 0) throw new UserFacingError("Tagihan tanpa baris tidak dapat diterbitkan.");
    await tx.execute(
      sql`update bills set status = 'diterbitkan', kode_iuran = ${kodeIuran}, issued_at = portal_now(), issued_by = ${viewer.id} where id = ${id}`,
    );
    // Credit of the regulation (money not yet allocated), oldest payment first.
    const credits = await rows<{ id: number; left: number }>(
      tx,
      sql`select p.id, ${unallocatedSql("p")}::bigint as left
        from payments p where p.regulation_id = ${bill.regulationId} and p.status = 'dicatat' order by p.paid_on, p.id for update`,
    );
    let applied = 0;
    for (const c of credits) {
      if (Number(c.left) <= 0) continue;
      applied += await allocatePayment(tx, { paymentId: c.id, regulationId: bill.regulationId, amount: Number(c.left), billIds: [id], day: today });
    }
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "bill.issue",
      entityType: "bill",
      entityId: String(id),
      details: { kodeIuran, creditApplied: applied },
    });
    return { creditApplied: applied };
  });
}

/**
 * Voids a bill with a reason: a draft by the supervisor of the area, an issued bill by the branch
 * head of its branch; only while nothing on it is paid or allocated. Its lines are freed for a redraft.
 */
export async function voidBill(viewer: Viewer, id: number, reason: string) {
  assertCan(viewer.role, "billing.void");
  const why = reason.trim();
  if (why.length < 5) throw new UserFacingError("Tulis alasan pembatalan.", { reason: ["Alasan pembatalan wajib diisi (minimal 5 karakter)."] });
  return db().transaction(async (tx) => {
    const bill = await firstRow<{ status: string; regulationId: number }>(
      tx,
      sql`select b.status::text as status, b.regulation_id as "regulationId" from bills b where b.id = ${id} and ${billScope(viewer)}`,
    );
    if (!bill) throw new NotFoundError("Tagihan");
    await lockRegulationBilling(tx, bill.regulationId);
    const locked = await firstRow<{ status: string }>(tx, sql`select status::text as status from bills where id = ${id} for update`);
    if (locked!.status === "batal") throw new UserFacingError("Tagihan ini sudah dibatalkan.");
    if (locked!.status === "draf" && viewer.role !== "supervisor") throw new ForbiddenError("billing.void");
    if (locked!.status === "diterbitkan" && viewer.role !== "kepala_cabang")
      throw new UserFacingError("Tagihan yang sudah diterbitkan hanya dapat dibatalkan oleh Kepala Kantor Cabang.");
    const allocated = await firstRow<{ n: number }>(
      tx,
      sql`select count(*)::int as n from bill_lines l join payment_lines pl on pl.bill_line_id = l.id and pl.live where l.bill_id = ${id}`,
    );
    if (allocated!.n > 0) throw new UserFacingError("Tagihan ini sudah dialokasikan ke pembayaran; batalkan atau balik pembayarannya terlebih dahulu.");
    await tx.execute(sql`update bills set status = 'batal', voided_at = portal_now(), voided_by = ${viewer.id}, void_reason = ${why} where id = ${id}`);
    await tx.execute(sql`update bill_lines set voided = true where bill_id = ${id}`);
    await writeAudit(tx, { actorId: viewer.id, action: "bill.void", entityType: "bill", entityId: String(id), details: { from: locked!.status, reason: why } });
  });
}

/**
 * Aktif workers this month in a kecamatan no branch covers ("tidak tertagih"): no bill can carry
 * them until the admin assigns the kecamatan. Per kecamatan; the admin sees every area.
 */
export async function listUntertagihForViewer(viewer: Viewer) {
  assertCan(viewer.role, "billing.view");
  const month = `${(await clockToday()).slice(0, 7)}-01`;
  return rows<{ regencyCode: string; regencyName: string; districtCode: string; districtName: string; workers: number }>(
    db(),
    sql`select s.regency_code as "regencyCode", g.name as "regencyName", s.district_code as "districtCode", d.name as "districtName", count(distinct s.worker_id)::int as workers
      from aktif_spans_in_month(${month}::date) s join regencies g on g.code = s.regency_code join districts d on d.code = s.district_code
     where not exists (select 1 from branch_coverage bc where bc.district_code = s.district_code)
       and ${regencyInScope(scopeOf(viewer), sql`s.regency_code`)}
     group by 1, 2, 3, 4 order by 1, 3`,
  );
}

/**
 * What waits for the viewer (home and Iuran pages): draft bills (to issue, for a branch head),
 * payment parts to confirm (branch head), issued bills not fully paid or allocated (supervisor).
 */
export async function countBillingTodoForViewer(viewer: Viewer) {
  assertCan(viewer.role, "billing.view");
  const r = await firstRow<{ drafts: number; unpaid: number; toConfirm: number }>(
    db(),
    sql`select (select count(*) from bills b where b.status = 'draf' and ${billScope(viewer)})::int as drafts,
         (select count(*) from bills b where b.status = 'diterbitkan' and ${billScope(viewer)}
            and exists (select 1 from bill_lines l where l.bill_id = b.id and l.kind <> 'koreksi'
                         and not exists (select 1 from payment_lines pl where pl.bill_line_id = l.id and pl.live)
                         and not exists (select 1 from bill_lines k where k.corrects_line_id = l.id and k.kind = 'koreksi' and not k.voided)))::int as unpaid,
         (select count(*) from payment_parts pp join payments p on p.id = pp.payment_id
           where pp.status = 'menunggu' and p.status = 'dicatat' and ${billInScope(scopeOf(viewer), sql`p.regency_code`, sql`pp.office_id`)})::int as "toConfirm"`,
  );
  return r!;
}
