import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { assertCan } from "@/lib/authz/permissions";
import { regencyInScope, scopeOf } from "@/lib/authz/scope";
import type { Viewer } from "@/lib/authz/viewer";
import { today as clockToday } from "@/lib/clock";
import { formatRupiah } from "@/lib/format";
import { writeAudit } from "./audit";
import { allocatePayment, confirmPart, lockRegulationBilling, recordRefund } from "./internal/billing";
import { firstRow, pgArray, rows } from "./internal/rows";
import { isUniqueViolation, NotFoundError, UserFacingError } from "./errors";

// Payments: one SP2D of the regional treasury, allocated by the supervisor to issued bills of one
// regulation (one part per branch), each part confirmed by its branch head with BPJS's receipt
// number. Only confirmed parts pay lines (paid_months). See docs/contributions.md.

// A branch head sees the payments that have a part for its branch; pemda and Kanwil by area.
function paymentScope(viewer: Viewer, alias = "p") {
  const scope = scopeOf(viewer);
  const p = sql.raw(alias);
  if (scope.kind === "branch") return sql`exists (select 1 from payment_parts x where x.payment_id = ${p}.id and x.office_id = ${scope.officeId})`;
  return regencyInScope(scope, sql`${p}.regency_code`);
}

export type PaymentRow = {
  id: number;
  regulationId: number;
  regulationTitle: string;
  regencyName: string;
  number: string;
  paidOn: string;
  amount: number;
  status: "dicatat" | "dibatalkan";
  allocated: number;
  /** Taken by a refund when the regulation ended with this money unallocated. */
  refunded: number;
  confirmed: number;
  partsWaiting: number;
};

const PAYMENT_COLUMNS = sql`p.id, p.regulation_id as "regulationId", r.title as "regulationTitle", g.name as "regencyName", p.number, p.paid_on::text as "paidOn",
  p.amount, p.status::text as status,
  coalesce((select sum(pp.amount) from payment_parts pp where pp.payment_id = p.id and pp.status in ('menunggu', 'dikonfirmasi')), 0)::bigint as allocated,
  coalesce((select sum(s.amount) from credit_refund_payments s where s.payment_id = p.id), 0)::bigint as refunded,
  coalesce((select sum(pp.amount) from payment_parts pp where pp.payment_id = p.id and pp.status = 'dikonfirmasi'), 0)::bigint as confirmed,
  (select count(*) from payment_parts pp where pp.payment_id = p.id and pp.status = 'menunggu')::int as "partsWaiting"`;

const num = <T extends { amount: unknown; allocated: unknown; refunded: unknown; confirmed: unknown }>(r: T) => ({
  ...r,
  amount: Number(r.amount),
  allocated: Number(r.allocated),
  refunded: Number(r.refunded),
  confirmed: Number(r.confirmed),
});

export async function listPaymentsForViewer(viewer: Viewer, filter: { regulationId?: number } = {}): Promise<PaymentRow[]> {
  assertCan(viewer.role, "billing.view");
  const list = await rows<PaymentRow>(
    db(),
    sql`select ${PAYMENT_COLUMNS} from payments p join regulations r on r.id = p.regulation_id join regencies g on g.code = p.regency_code
     where ${paymentScope(viewer)} ${filter.regulationId ? sql`and p.regulation_id = ${filter.regulationId}` : sql``}
     order by p.paid_on desc, p.id desc limit 500`,
  );
  return list.map(num);
}

export type PaymentPart = {
  id: number;
  officeId: number;
  officeName: string;
  amount: number;
  status: "menunggu" | "dikonfirmasi" | "dibatalkan" | "dibalik";
  receiptNumber: string | null;
  confirmedOn: string | null;
  confirmedByName: string | null;
  endReason: string | null;
  lines: number;
  months: { month: string; billId: number; lines: number; amount: number }[];
};

export async function getPaymentForViewer(viewer: Viewer, id: number) {
  assertCan(viewer.role, "billing.view");
  const payment = await firstRow<
    PaymentRow & { proofName: string | null; hasProof: boolean; cancelReason: string | null; overBudget: boolean; createdByName: string | null }
  >(
    db(),
    sql`select ${PAYMENT_COLUMNS}, p.proof_name as "proofName", p.proof_file_id is not null as "hasProof", p.cancel_reason as "cancelReason",
         p.over_budget as "overBudget", u.name as "createdByName"
      from payments p join regulations r on r.id = p.regulation_id join regencies g on g.code = p.regency_code left join users u on u.id = p.created_by
     where p.id = ${id} and ${paymentScope(viewer)}`,
  );
  if (!payment) throw new NotFoundError("Pembayaran");
  const parts = await rows<Omit<PaymentPart, "months">>(
    db(),
    sql`select pp.id, pp.office_id as "officeId", o.name as "officeName", pp.amount, pp.status::text as status, pp.receipt_number as "receiptNumber",
         pp.confirmed_on::text as "confirmedOn", u.name as "confirmedByName", pp.end_reason as "endReason",
         (select count(*) from payment_lines pl where pl.part_id = pp.id)::int as lines
      from payment_parts pp join offices o on o.id = pp.office_id left join users u on u.id = pp.confirmed_by
     where pp.payment_id = ${id} order by o.name, pp.id`,
  );
  const months = await rows<{ partId: number; month: string; billId: number; lines: number; amount: number }>(
    db(),
    sql`select pl.part_id as "partId", to_char(b.month, 'YYYY-MM') as month, b.id as "billId", count(*)::int as lines,
         sum(case when l.kind = 'koreksi' then -l.amount else l.amount end)::bigint as amount
      from payment_lines pl join payment_parts pp on pp.id = pl.part_id join bill_lines l on l.id = pl.bill_line_id join bills b on b.id = l.bill_id
     where pp.payment_id = ${id} group by 1, 2, 3 order by 1, 2, 3`,
  );
  return {
    ...num(payment),
    parts: parts.map((p) => ({
      ...p,
      amount: Number(p.amount),
      months: months.filter((m) => m.partId === p.id).map((m) => ({ month: m.month, billId: m.billId, lines: m.lines, amount: Number(m.amount) })),
    })),
  };
}

export type PaymentInput = {
  regulationId: number;
  number: string;
  paidOn: string;
  amount: number;
  idempotencyKey: string;
  billIds: number[] | null;
  acceptOverBudget: boolean;
  /** KPJ numbers whose lines the Dinas holds back while it checks them. */
  holdKpj?: string[];
};

/**
 * The supervisor records one SP2D and allocates it (oldest month first, whole lines) to the issued
 * bills of the regulation, or to the bills chosen. What is not allocated stays as the regulation's
 * credit. A payment that would take the fiscal year's paid-and-allocated past its allocation is
 * held back until the supervisor confirms it. A second submit of the same form returns the first.
 */
export async function recordPayment(viewer: Viewer, input: PaymentInput) {
  assertCan(viewer.role, "payments.record");
  const today = await clockToday();
  const number = input.number.trim();
  if (!number) throw new UserFacingError("Nomor SP2D wajib diisi.", { number: ["Nomor SP2D wajib diisi."] });
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    throw new UserFacingError("Jumlah harus bilangan bulat rupiah lebih dari 0.", { amount: ["Jumlah harus bilangan bulat rupiah lebih dari 0."] });
  if (input.paidOn > today) throw new UserFacingError("Tanggal SP2D tidak boleh setelah hari ini.", { paidOn: ["Tanggal SP2D tidak boleh setelah hari ini."] });
  const existing = await firstRow<{ id: number }>(
    db(),
    sql`select id from payments where idempotency_key = ${input.idempotencyKey}::uuid and created_by = ${viewer.id}`,
  );
  if (existing) return { id: existing.id, allocated: null, repeated: true };
  try {
    return await db().transaction(async (tx) => {
      const reg = await firstRow<{ regencyCode: string; status: string }>(
        tx,
        sql`select r.regency_code as "regencyCode", r.status::text as status from regulations r where r.id = ${input.regulationId} and ${regencyInScope(scopeOf(viewer), sql`r.regency_code`)}`,
      );
      if (!reg) throw new NotFoundError("Regulasi");
      await lockRegulationBilling(tx, input.regulationId);
      if (input.billIds?.length) {
        const chosen = await rows<{ id: number; status: string }>(
          tx,
          sql`select id, status::text as status from bills where id = any(${pgArray(input.billIds)}::int[]) and regulation_id = ${input.regulationId}`,
        );
        if (chosen.length !== new Set(input.billIds).size)
          throw new UserFacingError("Ada tagihan yang bukan milik regulasi ini.", { billIds: ["Ada tagihan yang bukan milik regulasi ini."] });
        if (chosen.some((b) => b.status !== "diterbitkan"))
          throw new UserFacingError("Pembayaran hanya dapat dialokasikan ke tagihan yang diterbitkan (bukan draf atau batal).", {
            billIds: ["Pilih hanya tagihan yang diterbitkan."],
          });
      }
      const fiscalYear = Number(input.paidOn.slice(0, 4));
      const budget = await firstRow<{ allocated: number | null; used: number }>(
        tx,
        sql`select (select allocated from regulation_budgets where regulation_id = ${input.regulationId} and fiscal_year = ${fiscalYear}) as allocated,
             coalesce((select sum(p.amount) from payments p where p.regulation_id = ${input.regulationId} and p.fiscal_year = ${fiscalYear} and p.status = 'dicatat'), 0)::bigint as used`,
      );
      const over = budget?.allocated != null && Number(budget.used) + input.amount > Number(budget.allocated);
      if (over && !input.acceptOverBudget)
        throw new UserFacingError(
          `SP2D ini membuat pembayaran tahun ${fiscalYear} menjadi ${formatRupiah(Number(budget!.used) + input.amount)}, melebihi pagu ${formatRupiah(Number(budget!.allocated))}. Perbarui anggaran, atau centang konfirmasi untuk tetap mencatat.`,
          { acceptOverBudget: ["Centang untuk mencatat walau melebihi pagu."] },
        );
      const payment = await firstRow<{ id: number }>(
        tx,
        sql`insert into payments (regulation_id, regency_code, number, fiscal_year, paid_on, amount, over_budget, idempotency_key, created_by)
          values (${input.regulationId}, ${reg.regencyCode}, ${number}, ${fiscalYear}, ${input.paidOn}::date, ${input.amount}, ${over}, ${input.idempotencyKey}::uuid, ${viewer.id})
          returning id`,
      );
      const allocated = await allocatePayment(tx, {
        paymentId: payment!.id,
        regulationId: input.regulationId,
        amount: input.amount,
        billIds: input.billIds,
        holdKpj: input.holdKpj,
        day: input.paidOn,
      });
      await writeAudit(tx, {
        actorId: viewer.id,
        action: "payment.record",
        entityType: "payment",
        entityId: String(payment!.id),
        details: { number, paidOn: input.paidOn, amount: input.amount, allocated, overBudget: over },
      });
      // An ended regulation keeps no credit: what this SP2D did not pay is refunded.
      if (reg.status === "ended") await recordRefund(tx, { regulationId: input.regulationId, regencyCode: reg.regencyCode, actorId: viewer.id });
      return { id: payment!.id, allocated, repeated: false };
    });
  } catch (e) {
    if (isUniqueViolation(e, "payments_number_key"))
      throw new UserFacingError("Nomor SP2D ini sudah tercatat untuk tahun anggaran ini.", { number: ["Nomor SP2D sudah dipakai di tahun anggaran ini."] });
    if (isUniqueViolation(e, "payments_idempotency_key")) {
      const again = await firstRow<{ id: number }>(db(), sql`select id from payments where idempotency_key = ${input.idempotencyKey}::uuid`);
      if (again) return { id: again.id, allocated: null, repeated: true };
    }
    throw e;
  }
}

/** Stores the SP2D proof (a PDF already in the file store); returns the previous file to remove. */
export async function setPaymentProof(viewer: Viewer, id: number, file: { fileId: string; name: string }) {
  assertCan(viewer.role, "payments.record");
  const row = await firstRow<{ previous: string | null }>(
    db(),
    sql`update payments p set proof_file_id = ${file.fileId}::uuid, proof_name = ${file.name}
       from (select id, proof_file_id as previous from payments where id = ${id}) old
      where p.id = old.id and ${paymentScope(viewer)} returning old.previous`,
  );
  if (!row) throw new NotFoundError("Pembayaran");
  return row.previous;
}

export async function getPaymentProofForViewer(viewer: Viewer, id: number) {
  assertCan(viewer.role, "billing.view");
  const row = await firstRow<{ file: string | null; name: string | null }>(
    db(),
    sql`select p.proof_file_id::text as file, p.proof_name as name from payments p where p.id = ${id} and ${paymentScope(viewer)}`,
  );
  if (!row?.file) throw new NotFoundError("Bukti SP2D");
  return { file: row.file, name: row.name ?? "sp2d.pdf" };
}

/** The supervisor cancels a payment none of whose parts is confirmed; its lines are free again. */
export async function cancelPayment(viewer: Viewer, id: number, reason: string) {
  assertCan(viewer.role, "payments.record");
  const why = reason.trim();
  if (why.length < 5) throw new UserFacingError("Tulis alasan pembatalan.", { reason: ["Alasan pembatalan wajib diisi (minimal 5 karakter)."] });
  await db().transaction(async (tx) => {
    const p = await firstRow<{ status: string; regulationId: number }>(
      tx,
      sql`select p.status::text as status, p.regulation_id as "regulationId" from payments p where p.id = ${id} and ${paymentScope(viewer)} for update`,
    );
    if (!p) throw new NotFoundError("Pembayaran");
    if (p.status === "dibatalkan") throw new UserFacingError("Pembayaran ini sudah dibatalkan.");
    const parts = await rows<{ id: number; status: string }>(tx, sql`select id, status::text as status from payment_parts where payment_id = ${id} for update`);
    if (parts.some((x) => x.status === "dikonfirmasi"))
      throw new UserFacingError("Sebagian pembayaran ini sudah dikonfirmasi BPJS; hanya Kepala Kantor Cabang yang dapat membaliknya.");
    const refunded = await firstRow<{ n: number }>(tx, sql`select count(*)::int as n from credit_refund_payments where payment_id = ${id}`);
    if (refunded!.n > 0) throw new UserFacingError("Sisa pembayaran ini sudah menjadi pengembalian ke Kas Daerah; pembayaran tidak dapat dibatalkan.");
    await tx.execute(
      sql`update payment_lines set live = false where part_id in (select id from payment_parts where payment_id = ${id} and status = 'menunggu')`,
    );
    await tx.execute(
      sql`update payment_parts set status = 'dibatalkan', ended_at = portal_now(), ended_by = ${viewer.id}, end_reason = ${why} where payment_id = ${id} and status = 'menunggu'`,
    );
    await tx.execute(
      sql`update payments set status = 'dibatalkan', cancelled_at = portal_now(), cancelled_by = ${viewer.id}, cancel_reason = ${why} where id = ${id}`,
    );
    await writeAudit(tx, { actorId: viewer.id, action: "payment.cancel", entityType: "payment", entityId: String(id), details: { reason: why } });
  });
}

// A part reaches a branch head only when it is their branch's; everyone else gets "tidak ditemukan".
async function lockOwnPart(tx: Parameters<Parameters<ReturnType<typeof db>["transaction"]>[0]>[0], viewer: Viewer, partId: number) {
  const part = await firstRow<{ id: number; status: string; paymentId: number; paymentStatus: string }>(
    tx,
    sql`select pp.id, pp.status::text as status, pp.payment_id as "paymentId", p.status::text as "paymentStatus"
      from payment_parts pp join payments p on p.id = pp.payment_id
     where pp.id = ${partId} and pp.office_id = ${viewer.officeId ?? -1} for update of pp, p`,
  );
  if (!part) throw new NotFoundError("Bagian pembayaran");
  return part;
}

/**
 * The branch head confirms its branch's part with BPJS's receipt number (tanda bukti penerimaan
 * iuran): its lines become paid months of their people, in the same transaction.
 */
export async function confirmPaymentPart(viewer: Viewer, partId: number, receiptNumber: string) {
  assertCan(viewer.role, "payments.confirm");
  const receipt = receiptNumber.trim();
  if (receipt.length < 3)
    throw new UserFacingError("Nomor tanda bukti penerimaan iuran wajib diisi.", { receiptNumber: ["Isi nomor tanda bukti penerimaan iuran."] });
  const today = await clockToday();
  return db().transaction(async (tx) => {
    const part = await lockOwnPart(tx, viewer, partId);
    if (part.status === "dikonfirmasi") throw new UserFacingError("Bagian pembayaran ini sudah dikonfirmasi.");
    if (part.status !== "menunggu" || part.paymentStatus !== "dicatat") throw new UserFacingError("Bagian pembayaran ini sudah dibatalkan.");
    const months = await confirmPart(tx, { partId, receiptNumber: receipt, day: today, actorId: viewer.id });
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "payment.confirm",
      entityType: "payment_part",
      entityId: String(partId),
      details: { receiptNumber: receipt, months },
    });
    return { months };
  });
}

/** The branch head reverses its confirmed part, with a reason: its months are unpaid again. */
export async function reversePaymentPart(viewer: Viewer, partId: number, reason: string) {
  assertCan(viewer.role, "payments.confirm");
  const why = reason.trim();
  if (why.length < 5) throw new UserFacingError("Tulis alasan pembalikan.", { reason: ["Alasan pembalikan wajib diisi (minimal 5 karakter)."] });
  await db().transaction(async (tx) => {
    const part = await lockOwnPart(tx, viewer, partId);
    if (part.status !== "dikonfirmasi") throw new UserFacingError("Hanya bagian yang sudah dikonfirmasi yang dapat dibalik.");
    await tx.execute(
      sql`update payment_parts set status = 'dibalik', ended_at = portal_now(), ended_by = ${viewer.id}, end_reason = ${why} where id = ${partId}`,
    );
    await tx.execute(sql`update payment_lines set live = false where part_id = ${partId}`);
    await tx.execute(sql`delete from paid_months where part_id = ${partId}`);
    await writeAudit(tx, { actorId: viewer.id, action: "payment.reverse", entityType: "payment_part", entityId: String(partId), details: { reason: why } });
    // Money a reversal frees on an ended regulation is refunded, like the rest of its credit.
    const reg = await firstRow<{ id: number; regencyCode: string; status: string }>(
      tx,
      sql`select r.id, r.regency_code as "regencyCode", r.status::text as status from payments p join regulations r on r.id = p.regulation_id where p.id = ${part.paymentId}`,
    );
    if (reg!.status === "ended") {
      await lockRegulationBilling(tx, reg!.id);
      await recordRefund(tx, { regulationId: reg!.id, regencyCode: reg!.regencyCode, actorId: viewer.id });
    }
  });
}

export type RefundRow = {
  id: number;
  regulationId: number;
  regulationTitle: string;
  amount: number;
  status: "diajukan" | "diterima";
  createdAt: Date;
  receivedOn: string | null;
  reference: string | null;
};

/** Refunds of credit left on ended regulations, in the viewer's areas (a branch head: areas its branch serves). */
export async function listRefundsForViewer(viewer: Viewer, filter: { regulationId?: number } = {}): Promise<RefundRow[]> {
  assertCan(viewer.role, "billing.view");
  const scope = scopeOf(viewer);
  const where =
    scope.kind === "branch"
      ? sql`f.regency_code in (select left(bc.district_code, 5) from branch_coverage bc where bc.office_id = ${scope.officeId})`
      : regencyInScope(scope, sql`f.regency_code`);
  const list = await rows<RefundRow>(
    db(),
    sql`select f.id, f.regulation_id as "regulationId", r.title as "regulationTitle", f.amount, f.status::text as status, f.created_at as "createdAt",
         f.received_on::text as "receivedOn", f.reference
       from credit_refunds f join regulations r on r.id = f.regulation_id
      where ${where} ${filter.regulationId ? sql`and f.regulation_id = ${filter.regulationId}` : sql``}
      order by f.created_at desc, f.id desc limit 200`,
  );
  return list.map((r) => ({ ...r, amount: Number(r.amount) }));
}

/** The supervisor records that BPJS returned a refund to the Kas Daerah (STS number and date). */
export async function receiveRefund(viewer: Viewer, id: number, input: { receivedOn: string; reference: string }) {
  assertCan(viewer.role, "payments.record");
  const reference = input.reference.trim();
  if (reference.length < 3) throw new UserFacingError("Nomor STS wajib diisi.", { reference: ["Isi nomor Surat Tanda Setoran (STS)."] });
  const today = await clockToday();
  if (input.receivedOn > today)
    throw new UserFacingError("Tanggal penerimaan tidak boleh setelah hari ini.", { receivedOn: ["Tanggal penerimaan tidak boleh setelah hari ini."] });
  await db().transaction(async (tx) => {
    const f = await firstRow<{ status: string; createdOn: string }>(
      tx,
      sql`select f.status::text as status, (f.created_at at time zone 'Asia/Jakarta')::date::text as "createdOn" from credit_refunds f
         where f.id = ${id} and ${regencyInScope(scopeOf(viewer), sql`f.regency_code`)} for update`,
    );
    if (!f) throw new NotFoundError("Pengembalian");
    if (f.status === "diterima") throw new UserFacingError("Pengembalian ini sudah dicatat diterima.");
    if (input.receivedOn < f.createdOn)
      throw new UserFacingError("Tanggal penerimaan tidak boleh sebelum pengembalian diajukan.", {
        receivedOn: ["Tanggal penerimaan tidak boleh sebelum pengembalian diajukan."],
      });
    await tx.execute(
      sql`update credit_refunds set status = 'diterima', received_on = ${input.receivedOn}::date, reference = ${reference}, received_by = ${viewer.id} where id = ${id}`,
    );
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "refund.receive",
      entityType: "refund",
      entityId: String(id),
      details: { receivedOn: input.receivedOn, reference },
    });
  });
}
