import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { addMonths } from "@/lib/domain/wib";
import { writeAudit } from "../audit";
import { firstRow, pgArray, rows } from "./rows";

// Drafting and allocation, written once. Called only inside the transactions of lib/data functions
// (or the monthly job) that have already checked who may do it. See docs/contributions.md.

/** How far back a redraft looks for facts about months already billed (late deaths, back-dated activations). */
export const ADJUSTMENT_LOOKBACK_MONTHS = 12;

export type DraftResult = { bills: number; added: number; susulan: number; koreksi: number; removed: number; untertagih: number };

/** Serializes drafting, issuing and allocating for one regulation (transaction-scoped). */
export async function lockRegulationBilling(tx: Tx, regulationId: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('billing'), ${regulationId})`);
}

/**
 * Drafts (or redrafts) the bills of one regulation for `month` ("YYYY-MM"). The due set: per NIK
 * and month, the coverage span that holds on the month's first day (else the earliest that starts
 * in it) decides the regulation, so a move bills the month once, by the regulation held on the
 * 1st. The branch comes from the kecamatan through branch_coverage now. Then:
 * - due person-months not yet charged on any live line are added to the draft bill of their month
 *   (or, when that month's bill is issued or missing, as `susulan` on this month's draft);
 * - charged lines of this regulation no longer due are removed from draft bills, or credited by a
 *   `koreksi` line on this month's draft when their bill is issued.
 * Never doubles a line (the person-month unique index), drops nothing that is due.
 */
export async function draftRegulationMonth(tx: Tx, regulationId: number, month: string): Promise<DraftResult> {
  await lockRegulationBilling(tx, regulationId);
  const reg = await firstRow<{ regencyCode: string; startsOn: string; hasBills: boolean }>(
    tx,
    sql`select r.regency_code as "regencyCode", r.starts_on::text as "startsOn",
         exists (select 1 from bills b where b.regulation_id = r.id and b.status <> 'batal' and b.month < ${`${month}-01`}::date) as "hasBills"
      from regulations r where r.id = ${regulationId}`,
  );
  if (!reg) throw new Error(`regulation ${regulationId} missing`);
  const M = `${month}-01`;
  // The first draft of a regulation bills its month only; later ones look back for adjustments.
  const lookback = reg.hasBills ? addMonths(month, -ADJUSTMENT_LOOKBACK_MONTHS) : month;
  const from = `${lookback > reg.startsOn.slice(0, 7) ? lookback : reg.startsOn.slice(0, 7)}-01`;

  // Per month of the window, the spans of this regulation that overlap it and are the person's
  // first span of the month (no span of the same enrollment row starts earlier in the month): a
  // move bills the month by the regulation held on the 1st. The same NIK on another enrollment row
  // is kept from a second charge by the person-month unique index.
  await tx.execute(sql`create temp table due_lines on commit drop as
    with ms as (select m::date as m, t.jkk, t.jkm
                  from generate_series(${from}::date, ${M}::date, interval '1 month') m
                  cross join lateral (select jkk, jkm from tariffs where effective_from <= m::date order by effective_from desc limit 1) t)
    select w.nik, ms.m as month, s.worker_id, s.district_code, bc.office_id, ms.jkk, ms.jkm,
           exists (select 1 from bill_lines l where l.nik = w.nik and l.month = ms.m and l.kind <> 'koreksi' and not l.voided) as charged
      from coverage_spans s
      join ms on s.starts_on < (ms.m + interval '1 month')::date and (s.ends_on is null or s.ends_on >= ms.m)
      join workers w on w.id = s.worker_id
      left join branch_coverage bc on bc.district_code = s.district_code
     where s.regulation_id = ${regulationId}
       and not exists (select 1 from coverage_spans o where o.worker_id = s.worker_id and o.id <> s.id
                         and o.starts_on < (ms.m + interval '1 month')::date and (o.ends_on is null or o.ends_on >= ms.m)
                         and (o.starts_on, o.id) < (s.starts_on, s.id))`);
  await tx.execute(sql`analyze due_lines`);

  // Bills this month for every branch that gets a line on it.
  const created = await rows<{ id: number }>(
    tx,
    sql`insert into bills (regulation_id, regency_code, office_id, month, drafted_at)
      select distinct ${regulationId}::int, ${reg.regencyCode}, d.office_id, ${M}::date, (select portal_now())
        from due_lines d
       where d.office_id is not null and not d.charged
         and not exists (select 1 from bills b where b.regulation_id = ${regulationId} and b.office_id = d.office_id and b.month = d.month and b.status = 'draf' and d.month <> ${M}::date)
      union
      select distinct ${regulationId}::int, ${reg.regencyCode}, bc.office_id, ${M}::date, (select portal_now())
        from bill_lines l join bills b on b.id = l.bill_id join branch_coverage bc on bc.district_code = l.district_code
       where b.regulation_id = ${regulationId} and b.status = 'diterbitkan' and l.kind <> 'koreksi' and not l.voided and l.month >= ${from}::date
         and not exists (select 1 from due_lines d where d.nik = l.nik and d.month = l.month)
         and not exists (select 1 from bill_lines k where k.corrects_line_id = l.id and k.kind = 'koreksi' and not k.voided)
      on conflict (regulation_id, office_id, month) where status <> 'batal' do nothing
      returning id`,
  );

  // Lines of this regulation that are no longer due.
  const removed = await firstRow<{ n: number }>(
    tx,
    sql`with gone as (delete from bill_lines l using bills b
       where b.id = l.bill_id and b.regulation_id = ${regulationId} and b.status = 'draf' and l.kind <> 'koreksi' and not l.voided and l.month >= ${from}::date
         and not exists (select 1 from due_lines d where d.nik = l.nik and d.month = l.month)
         and not exists (select 1 from bill_lines k where k.corrects_line_id = l.id)
       returning l.id)
    select count(*)::int as n from gone`,
  );
  const koreksi = await firstRow<{ n: number }>(
    tx,
    sql`with ins as (insert into bill_lines (bill_id, worker_id, nik, district_code, month, kind, jkk, jkm, amount, corrects_line_id)
      select cur.id, l.worker_id, l.nik, l.district_code, l.month, 'koreksi', l.jkk, l.jkm, l.amount, l.id
        from bill_lines l join bills b on b.id = l.bill_id
        join branch_coverage bc on bc.district_code = l.district_code
        join bills cur on cur.regulation_id = ${regulationId} and cur.office_id = bc.office_id and cur.month = ${M}::date and cur.status = 'draf'
       where b.regulation_id = ${regulationId} and b.status = 'diterbitkan' and l.kind <> 'koreksi' and not l.voided and l.month >= ${from}::date
         and not exists (select 1 from due_lines d where d.nik = l.nik and d.month = l.month)
         and not exists (select 1 from bill_lines k where k.corrects_line_id = l.id and k.kind = 'koreksi' and not k.voided)
      returning 1)
    select count(*)::int as n from ins`,
  );
  // New lines last: the two checks above then only visit lines that were there before.
  const added = await rows<{ kind: string; n: number }>(
    tx,
    sql`with ins as (
      insert into bill_lines (bill_id, worker_id, nik, district_code, month, kind, jkk, jkm, amount)
      select coalesce(own.id, cur.id), d.worker_id, d.nik, d.district_code, d.month,
             case when own.id is not null or d.month = ${M}::date then 'iuran' else 'susulan' end::bill_line_kind, d.jkk, d.jkm, d.jkk + d.jkm
        from due_lines d
        left join bills own on own.regulation_id = ${regulationId} and own.office_id = d.office_id and own.month = d.month and own.status = 'draf'
        left join bills cur on cur.regulation_id = ${regulationId} and cur.office_id = d.office_id and cur.month = ${M}::date and cur.status = 'draf'
       where d.office_id is not null and coalesce(own.id, cur.id) is not null and not d.charged
      returning kind)
    select kind::text, count(*)::int as n from ins group by kind`,
  );

  const untertagih = await firstRow<{ n: number }>(tx, sql`select count(*)::int as n from due_lines where office_id is null and month = ${M}::date`);
  await tx.execute(sql`drop table due_lines`);
  const n = (k: string) => added.find((a) => a.kind === k)?.n ?? 0;
  return {
    bills: created.length,
    added: n("iuran"),
    susulan: n("susulan"),
    koreksi: koreksi?.n ?? 0,
    removed: removed?.n ?? 0,
    untertagih: untertagih?.n ?? 0,
  };
}

type Credit = { id: number; officeId: number; amount: number };

/**
 * Lines no payment may take on `day`: months before the person's current membership (a
 * reactivation restarted it), and every line of a person nonaktif for longer than the rejoin
 * window (more than G + R due months unpaid in a row): BPJS no longer takes those arrears; the
 * branch head reactivates instead. Only people holding a place have a summary.
 */
export function unpayableLine(line: string, day: string) {
  const l = sql.raw(line);
  return sql`exists (select 1 from person_contributions pc join regulations g on g.id = pc.regulation_id
     where pc.nik = ${l}.nik and (${l}.month < pc.start_month
        or contribution_run(pc.start_month, pc.late_start, pc.last_paid, pc.longest_gap, ${day}::date) > g.arrears_grace_months + g.rejoin_months))`;
}

/**
 * Allocates up to `amount` of a payment to the issued bills of its regulation (all, or `billIds`):
 * whole lines, oldest month first, then earliest coverage start, leaving out lines no payment may
 * take on `day` (unpayableLine). Credits (koreksi lines whose corrected line was paid) are used
 * first, within their branch. One part per branch. Set-based: the candidate lines stay in a
 * temporary table and the prefix is a running sum. Returns the amount allocated.
 */
export async function allocatePayment(
  tx: Tx,
  args: { paymentId: number; regulationId: number; amount: number; billIds: number[] | null; holdKpj?: string[]; day: string },
): Promise<number> {
  const billFilter = args.billIds ? sql`and b.id = any(${pgArray(args.billIds)}::int[])` : sql``;
  // Lines the Dinas holds back while it checks the person (e.g. with Dukcapil): by KPJ.
  const hold = args.holdKpj?.length ? sql`and not coalesce(w.kpj_number = any(${pgArray(args.holdKpj)}::text[]), false)` : sql``;
  const credits = await rows<Credit>(
    tx,
    sql`select k.id::int as id, b.office_id as "officeId", k.amount
      from bill_lines k join bills b on b.id = k.bill_id
     where b.regulation_id = ${args.regulationId} and b.status = 'diterbitkan' ${billFilter} and k.kind = 'koreksi' and not k.voided
       and not exists (select 1 from payment_lines pl where pl.bill_line_id = k.id and pl.live)
       and exists (select 1 from payment_lines pl join payment_parts pp on pp.id = pl.part_id
                    where pl.bill_line_id = k.corrects_line_id and pl.live and pp.status = 'dikonfirmasi')
     order by k.month, k.id`,
  );
  const creditTotal = credits.reduce((s, c) => s + c.amount, 0);
  await tx.execute(sql`create temp table alloc_lines on commit drop as
    select l.id, b.office_id, l.amount, row_number() over (order by l.month, w.coverage_start, l.id) as ord
      from bill_lines l join bills b on b.id = l.bill_id join workers w on w.id = l.worker_id
     where b.regulation_id = ${args.regulationId} and b.status = 'diterbitkan' ${billFilter} and l.kind <> 'koreksi' and not l.voided
       and not exists (select 1 from payment_lines pl where pl.bill_line_id = l.id and pl.live)
       and not exists (select 1 from bill_lines k where k.corrects_line_id = l.id and k.kind = 'koreksi' and not k.voided)
       and not exists (select 1 from paid_months pm where pm.nik = l.nik and pm.month = l.month) ${hold}
       and not ${unpayableLine("l", args.day)}`);
  // Pass 1: the longest prefix the money and every credit could pay (amounts are positive, so the running sum only grows).
  await tx.execute(sql`delete from alloc_lines where ord > (select coalesce(max(ord), 0) from (select ord, sum(amount) over (order by ord) as run from alloc_lines) x
    where run <= ${args.amount + creditTotal})`);
  const offices = await rows<{ officeId: number; charged: number }>(
    tx,
    sql`select office_id as "officeId", sum(amount)::bigint as charged from alloc_lines group by office_id order by office_id`,
  );
  // Pass 2: credits used within their branch, up to its chosen charges.
  const byOffice = new Map(offices.map((o) => [o.officeId, { charged: Number(o.charged), credits: [] as Credit[], credited: 0 }]));
  for (const k of credits) {
    const s = byOffice.get(k.officeId);
    if (s && s.credited + k.amount <= s.charged) {
      s.credits.push(k);
      s.credited += k.amount;
    }
  }
  // Credits that could not be used: drop the newest lines until the money suffices (rare; a few rows at a time).
  let net = [...byOffice.values()].reduce((t, s) => t + s.charged - s.credited, 0);
  while (net > args.amount) {
    const tail = await rows<{ id: number; officeId: number; amount: number }>(
      tx,
      sql`select id::int, office_id as "officeId", amount from alloc_lines order by ord desc limit 200`,
    );
    if (!tail.length) break;
    const dropped: number[] = [];
    for (const t of tail) {
      if (net <= args.amount) break;
      const s = byOffice.get(t.officeId)!;
      s.charged -= t.amount;
      net -= t.amount;
      dropped.push(t.id);
      while (s.credited > s.charged) {
        const k = s.credits.pop()!;
        s.credited -= k.amount;
        net += k.amount;
      }
    }
    await tx.execute(sql`delete from alloc_lines where id = any(${pgArray(dropped)}::bigint[])`);
  }
  let total = 0;
  for (const [officeId, s] of byOffice) {
    if (s.charged <= 0) continue;
    const amount = s.charged - s.credited;
    const part = await firstRow<{ id: number }>(
      tx,
      sql`insert into payment_parts (payment_id, office_id, amount) values (${args.paymentId}, ${officeId}, ${amount}) returning id`,
    );
    await tx.execute(sql`insert into payment_lines (part_id, bill_line_id)
      select ${part!.id}::int, id from alloc_lines where office_id = ${officeId}
      union all select ${part!.id}::int, unnest(${pgArray(s.credits.map((c) => c.id))}::bigint[])`);
    total += amount;
  }
  await tx.execute(sql`drop table alloc_lines`);
  return total;
}

/** What is left of a payment to allocate (the regulation's credit from it): not allocated to a live part, not refunded. */
export function unallocatedSql(paymentAlias = "p") {
  const p = sql.raw(paymentAlias);
  return sql`(${p}.amount - payment_money_used(${p}.id))`;
}

/**
 * A credit left on an ended regulation becomes one refund record (per the agreement with BPJS):
 * what every recorded payment has left, taken from each. Returns the refund, or null when nothing
 * is left. Called with the regulation's billing lock held.
 */
export async function refundLeftCredit(tx: Tx, args: { regulationId: number; regencyCode: string; actorId: string | null }) {
  const left = await rows<{ id: number; left: number }>(
    tx,
    sql`select p.id, ${unallocatedSql("p")}::bigint as left from payments p
       where p.regulation_id = ${args.regulationId} and p.status = 'dicatat' and ${unallocatedSql("p")} > 0 order by p.id for update`,
  );
  const total = left.reduce((t, p) => t + Number(p.left), 0);
  if (total <= 0) return null;
  const refund = await firstRow<{ id: number }>(
    tx,
    sql`insert into credit_refunds (regulation_id, regency_code, amount, created_by) values (${args.regulationId}, ${args.regencyCode}, ${total}, ${args.actorId}::uuid) returning id`,
  );
  await tx.execute(sql`insert into credit_refund_payments (refund_id, payment_id, amount)
    select ${refund!.id}::int, unnest(${pgArray(left.map((p) => p.id))}::int[]), unnest(${pgArray(left.map((p) => Number(p.left)))}::bigint[])`);
  return { id: refund!.id, amount: total };
}

/**
 * Confirms a part (already locked and checked by the caller) with BPJS's receipt number: its
 * charge lines become paid months of their people, in the caller's transaction. Returns how many.
 */
export async function confirmPart(tx: Tx, args: { partId: number; receiptNumber: string; day: string; actorId: string | null }): Promise<number> {
  await tx.execute(
    sql`update payment_parts set status = 'dikonfirmasi', receipt_number = ${args.receiptNumber}, confirmed_at = portal_now(), confirmed_on = ${args.day}::date,
        confirmed_by = ${args.actorId}::uuid where id = ${args.partId}`,
  );
  const paid = await firstRow<{ n: number }>(
    tx,
    sql`with ins as (insert into paid_months (nik, month, bill_line_id, part_id, confirmed_on)
        select l.nik, l.month, l.id, ${args.partId}, ${args.day}::date from payment_lines pl join bill_lines l on l.id = pl.bill_line_id
         where pl.part_id = ${args.partId} and pl.live and l.kind <> 'koreksi' returning 1)
      select count(*)::int as n from ins`,
  );
  return paid!.n;
}

/** The refund of a regulation's left credit, audited (callers hold the regulation's billing lock). */
export async function recordRefund(tx: Tx, args: { regulationId: number; regencyCode: string; actorId: string | null }) {
  const refund = await refundLeftCredit(tx, args);
  if (refund)
    await writeAudit(tx, {
      actorId: args.actorId,
      action: "refund.create",
      entityType: "regulation",
      entityId: String(args.regulationId),
      details: { refundId: refund.id, amount: refund.amount },
    });
  return refund;
}
