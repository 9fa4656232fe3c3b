import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { assertCan } from "@/lib/authz/permissions";
import { enrollmentInScope, regencyInScope, scopeOf } from "@/lib/authz/scope";
import type { Viewer } from "@/lib/authz/viewer";
import { today as clockToday } from "@/lib/clock";
import { collapseMonth, contributionState, stateFromSummary, type ContributionState } from "@/lib/domain/contribution-state";
import { addMonths, monthsBetween } from "@/lib/domain/wib";
import { writeAudit } from "./audit";
import { NotFoundError, UserFacingError } from "./errors";
import { unallocatedSql } from "./internal/billing";
import { firstRow, rows } from "./internal/rows";
import { workerInScope } from "./internal/worker-scope";

// What the contributions mean for people: a person's months paid and state, the honest progress
// of an area, branch or province (from agg_contribution, never by scanning workers), and a
// regulation's budget actuals. See docs/contributions.md.

export type ContributionProgress = {
  tercatat: number;
  aktif: number;
  tidakMenunggak: number;
  menunggak: number;
  nonaktif: number;
  /** Of nonaktif: past the rejoin window, only the branch head can reactivate. */
  lewatPemulihan: number;
  tidakTertagih: number;
  enamBulan: number;
  kpi: number;
};

/**
 * Side by side: tercatat (holding a place), aktif (KPJ), tidak menunggak (lunas + belum jatuh
 * tempo), menunggak, nonaktif, tidak tertagih (no branch covers the kecamatan), ≥ 6 months paid,
 * and BPJS's KPI Σ min(masa iur, 6) / 6. States are computed for today from the summaries, so
 * they change as days pass without any write.
 */
export async function getContributionProgressForViewer(
  viewer: Viewer,
  filter: { regencyCode?: string | null; provinceCode?: string | null } = {},
  onDay?: string,
): Promise<ContributionProgress> {
  assertCan(viewer.role, "dashboard.view");
  // The states on `onDay` (the quarterly report's day) of today's holders, from the payments known today.
  const day = onDay ?? (await clockToday());
  const floor = `${collapseMonth(day)}-01`;
  const scope = scopeOf(viewer);
  const one = filter.regencyCode
    ? sql`and a.regency_code = ${filter.regencyCode}`
    : filter.provinceCode
      ? sql`and left(a.regency_code, 2) = ${filter.provinceCode}`
      : sql``;
  const groups = await rows<{
    startMonth: string;
    lateStart: boolean;
    paidThrough: string;
    paidAfter: number;
    lastPaid: string;
    longestGap: number;
    masaCapped: number;
    grace: number;
    rejoin: number;
    covered: boolean;
    n: number;
  }>(
    db(),
    // Start months at or before collapseMonth(day) are grouped as one (collapseForDay): they change
    // no state. Grouped on the raw columns (hashed), formatted after. A branch reads its kecamatan
    // in agg_contribution; every other scope the per-area rollup (a few hundred rows an area).
    sql`select to_char(x.sm, 'YYYY-MM') as "startMonth", x.ls as "lateStart", to_char(x.paid_through, 'YYYY-MM') as "paidThrough", x.paid_after as "paidAfter",
         to_char(x.last_paid, 'YYYY-MM') as "lastPaid", x.longest_gap as "longestGap", x.masa_capped as "masaCapped", r.arrears_grace_months as grace,
         r.rejoin_months as rejoin, x.covered, x.n
      from (select greatest(a.start_month, ${floor}::date) as sm, (a.late_start and a.start_month > ${floor}::date) as ls, a.paid_through, a.paid_after, a.last_paid,
                   a.longest_gap, a.masa_capped, a.regulation_id, ${scope.kind === "branch" ? sql`a.district_code in (select bc.district_code from branch_coverage bc)` : sql`a.covered`} as covered,
                   sum(a.n)::int as n
              from ${scope.kind === "branch" ? sql`agg_contribution` : sql`agg_contribution_area`} a
             where a.n <> 0 and ${scope.kind === "branch" ? enrollmentInScope(scope, sql`a.regency_code`, sql`a.district_code`) : regencyInScope(scope, sql`a.regency_code`)} ${one}
             group by 1, 2, 3, 4, 5, 6, 7, 8, 9) x
      join regulations r on r.id = x.regulation_id`,
  );
  const stock = await firstRow<{ tercatat: number; aktif: number }>(
    db(),
    sql`select coalesce(sum(a.n) filter (where a.status in ('diajukan', 'diverifikasi', 'aktif')), 0)::int as tercatat,
         coalesce(sum(a.n) filter (where a.status = 'aktif'), 0)::int as aktif
      from agg_current a where ${enrollmentInScope(scope, sql`a.regency_code`, sql`a.district_code`)} ${one}`,
  );
  const out: ContributionProgress = {
    tercatat: stock!.tercatat,
    aktif: stock!.aktif,
    tidakMenunggak: 0,
    menunggak: 0,
    nonaktif: 0,
    lewatPemulihan: 0,
    tidakTertagih: 0,
    enamBulan: 0,
    kpi: 0,
  };
  let weighted = 0;
  for (const g of groups) {
    // On a past day, people whose membership began after that day's month were not members yet.
    if (g.startMonth > day.slice(0, 7)) continue;
    weighted += g.n * g.masaCapped;
    if (g.masaCapped >= 6) out.enamBulan += g.n;
    if (!g.covered) {
      out.tidakTertagih += g.n;
      continue;
    }
    const s = stateFromSummary({ ...g, masaIur: g.masaCapped }, day, g);
    if (s.kind === "lunas" || s.kind === "belum_jatuh_tempo") out.tidakMenunggak += g.n;
    else if (s.kind === "menunggak") out.menunggak += g.n;
    else if (s.kind === "nonaktif") {
      out.nonaktif += g.n;
      if (s.lapsed) out.lewatPemulihan += g.n;
    }
  }
  out.kpi = weighted / 6;
  return out;
}

export type MonthRow = {
  month: string;
  billed: { billId: number; kind: string; amount: number; billStatus: string; regulationTitle: string } | null;
  paid: { billId: number; confirmedOn: string } | null;
};

/**
 * One worker's contribution history, month by month, by person (NIK, across enrollment rows):
 * billed, paid (which bill paid it, confirmed when), masa iur, and the state today. With `onDay`,
 * also the state on that day from the payments confirmed by then (coverage on an event date).
 */
export async function getWorkerContributionsForViewer(viewer: Viewer, workerId: number, onDay?: string) {
  assertCan(viewer.role, "billing.view");
  const w = await firstRow<{ nik: string; status: string; coverageStart: string | null; grace: number | null; rejoin: number | null; covered: boolean }>(
    db(),
    // Contributions run from membership_start(): coverage start, the regulation's start or a reactivation, the latest.
    sql`select workers.nik, workers.status::text as status, membership_start(workers.nik, workers.coverage_start, r.starts_on)::text as "coverageStart",
         r.arrears_grace_months as grace, r.rejoin_months as rejoin,
         exists (select 1 from branch_coverage bc where bc.district_code = workers.district_code) as covered
      from workers left join regulations r on r.id = workers.regulation_id where workers.id = ${workerId} and ${workerInScope(viewer)}`,
  );
  if (!w) throw new NotFoundError("Pekerja");
  const today = await clockToday();
  // The person's charges by the (nik, month) index of live charges, their credits by the corrected line.
  const billed = await rows<{ month: string; billId: number; kind: string; amount: number; billStatus: string; regulationTitle: string }>(
    db(),
    sql`with charged as (select * from bill_lines l where l.nik = ${w.nik} and l.kind <> 'koreksi' and not l.voided),
         lines as (select * from charged union all select k.* from bill_lines k join charged c on k.corrects_line_id = c.id where k.kind = 'koreksi' and not k.voided)
      select to_char(l.month, 'YYYY-MM') as month, b.id as "billId", l.kind::text as kind, l.amount, b.status::text as "billStatus", r.title as "regulationTitle"
        from lines l join bills b on b.id = l.bill_id join regulations r on r.id = b.regulation_id order by l.month, l.id`,
  );
  const paid = await rows<{ month: string; billId: number; confirmedOn: string }>(
    db(),
    sql`select to_char(p.month, 'YYYY-MM') as month, l.bill_id as "billId", p.confirmed_on::text as "confirmedOn"
      from paid_months p join bill_lines l on l.id = p.bill_line_id where p.nik = ${w.nik} order by p.month`,
  );
  const start = w.coverageStart;
  const rules = { grace: w.grace ?? 3, rejoin: w.rejoin ?? 3 };
  const stateOn = (day: string): ContributionState | null => {
    if (w.status !== "aktif" || !start) return null;
    if (!w.covered) return { kind: "tidak_tertagih" };
    return contributionState({
      paid: paid.filter((p) => p.confirmedOn <= day).map((p) => p.month),
      startMonth: start.slice(0, 7),
      lateStart: Number(start.slice(8, 10)) > 15,
      day,
      ...rules,
    });
  };
  const first = [start?.slice(0, 7), billed[0]?.month, paid[0]?.month].filter((m): m is string => !!m).sort()[0];
  const months: MonthRow[] = [];
  if (first) {
    const last = today.slice(0, 7);
    for (let i = 0, m = first; i < Math.min(monthsBetween(first, last), 120); i++, m = addMonths(m, 1)) {
      const b = billed.filter((x) => x.month === m && x.kind !== "koreksi").at(-1) ?? null;
      const p = paid.find((x) => x.month === m) ?? null;
      months.push({ month: m, billed: b ? { ...b, amount: Number(b.amount) } : null, paid: p ? { billId: p.billId, confirmedOn: p.confirmedOn } : null });
    }
  }
  return {
    masaIur: paid.length,
    state: stateOn(today),
    stateOnDay: onDay ? stateOn(onDay) : null,
    months: months.reverse(),
    corrections: billed.filter((x) => x.kind === "koreksi").map((x) => ({ ...x, amount: Number(x.amount) })),
    reactivations: await rows<{ on: string; reason: string; office: string }>(
      db(),
      sql`select x.reactivated_on::text as on, x.reason, o.name as office from contribution_reactivations x join offices o on o.id = x.office_id
         where x.nik = ${w.nik} order by x.reactivated_on desc, x.id desc`,
    ),
  };
}

/**
 * The branch head reactivates a person nonaktif past the regulation's rejoin window (BPJS treats
 * it as a new registration): the membership restarts today, the months before it are no longer
 * due or payable, masa iur keeps the months already paid. Only for a person of the branch's
 * kecamatan who is lapsed today; audited.
 */
export async function reactivateContributions(viewer: Viewer, workerId: number, reason: string) {
  assertCan(viewer.role, "contributions.reactivate");
  const why = reason.trim();
  if (why.length < 5) throw new UserFacingError("Tulis alasan reaktivasi.", { reason: ["Alasan reaktivasi wajib diisi (minimal 5 karakter)."] });
  const today = await clockToday();
  await db().transaction(async (tx) => {
    const w = await firstRow<{ nik: string; status: string }>(
      tx,
      sql`select workers.nik, workers.status::text as status from workers where workers.id = ${workerId} and ${workerInScope(viewer)} for update`,
    );
    if (!w) throw new NotFoundError("Pekerja");
    const s = await firstRow<{
      startMonth: string;
      lateStart: boolean;
      paidThrough: string;
      paidAfter: number;
      lastPaid: string;
      longestGap: number;
      masaIur: number;
      grace: number;
      rejoin: number;
    }>(
      tx,
      sql`select to_char(pc.start_month, 'YYYY-MM') as "startMonth", pc.late_start as "lateStart", to_char(pc.paid_through, 'YYYY-MM') as "paidThrough",
           pc.paid_after as "paidAfter", to_char(pc.last_paid, 'YYYY-MM') as "lastPaid", pc.longest_gap as "longestGap", pc.masa_iur as "masaIur",
           g.arrears_grace_months as grace, g.rejoin_months as rejoin
         from person_contributions pc join regulations g on g.id = pc.regulation_id where pc.nik = ${w.nik} and pc.worker_id = ${workerId}`,
    );
    const state = s ? stateFromSummary(s, today, s) : null;
    if (w.status !== "aktif" || !state || state.kind !== "nonaktif" || !state.lapsed)
      throw new UserFacingError(
        "Reaktivasi hanya untuk peserta aktif yang nonaktif (tunggakan) melewati batas pemulihan; peserta lain cukup dilunasi tunggakannya.",
      );
    await tx.execute(
      sql`insert into contribution_reactivations (nik, worker_id, office_id, reactivated_on, reason, created_by)
          values (${w.nik}, ${workerId}, ${viewer.officeId}, ${today}::date, ${why}, ${viewer.id})`,
    );
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "contribution.reactivate",
      entityType: "worker",
      entityId: String(workerId),
      details: { reactivatedOn: today, unpaidMonths: state.months },
    });
  });
}

export type RegulationActuals = {
  fiscalYear: number;
  allocated: number | null;
  billed: number;
  paid: number;
  outstanding: number;
  credit: number;
  /** Credit turned into refunds to the Kas Daerah when the regulation ended (all years). */
  refunded: number;
  projection: number;
  holders: number;
  remainingMonths: number;
};

/**
 * Budget actuals of a regulation in a fiscal year: allocated; billed (issued bills of the year's
 * months, charges less credits); paid (confirmed parts of SP2D dated in the year); outstanding
 * (issued, not paid); credit (money of the regulation's payments not allocated); projection to the
 * year end = paid + billed unpaid + remaining months × current holders × the tariff in force.
 */
export async function getRegulationActualsForViewer(viewer: Viewer, regulationId: number, fiscalYear?: number): Promise<RegulationActuals> {
  assertCan(viewer.role, "billing.view");
  const reg = await firstRow<{ id: number }>(
    db(),
    sql`select r.id from regulations r where r.id = ${regulationId} and ${regencyInScope(scopeOf(viewer), sql`r.regency_code`)}`,
  );
  if (!reg) throw new NotFoundError("Regulasi");
  const today = await clockToday();
  const year = fiscalYear ?? Number(today.slice(0, 4));
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-01`;
  const r = await firstRow<{
    allocated: number | null;
    billed: number;
    paid: number;
    outstanding: number;
    credit: number;
    refunded: number;
    holders: number;
    tariff: number;
  }>(
    db(),
    sql`select (select allocated from regulation_budgets where regulation_id = ${regulationId} and fiscal_year = ${year}) as allocated,
       coalesce((select sum(case when l.kind = 'koreksi' then -l.amount else l.amount end) from bill_lines l join bills b on b.id = l.bill_id
                  where b.regulation_id = ${regulationId} and b.status = 'diterbitkan' and b.month between ${yearStart}::date and ${yearEnd}::date), 0)::bigint as billed,
       coalesce((select sum(pp.amount) from payment_parts pp join payments p on p.id = pp.payment_id
                  where p.regulation_id = ${regulationId} and pp.status = 'dikonfirmasi' and p.fiscal_year = ${year}), 0)::bigint as paid,
       coalesce((select sum(l.amount) from bill_lines l join bills b on b.id = l.bill_id
                  where b.regulation_id = ${regulationId} and b.status = 'diterbitkan' and l.kind <> 'koreksi' and b.month between ${yearStart}::date and ${yearEnd}::date
                    and not exists (select 1 from payment_lines pl join payment_parts pp on pp.id = pl.part_id where pl.bill_line_id = l.id and pl.live and pp.status = 'dikonfirmasi')
                    and not exists (select 1 from bill_lines k where k.corrects_line_id = l.id and k.kind = 'koreksi' and not k.voided)), 0)::bigint as outstanding,
       coalesce((select sum(${unallocatedSql("p")}) from payments p where p.regulation_id = ${regulationId} and p.status = 'dicatat'), 0)::bigint as credit,
       coalesce((select sum(f.amount) from credit_refunds f where f.regulation_id = ${regulationId}), 0)::bigint as refunded,
       (select count(*) from workers w where w.regulation_id = ${regulationId} and w.status = 'aktif')::int as holders,
       coalesce((select jkk + jkm from tariffs where effective_from <= ${today}::date order by effective_from desc limit 1), 0)::int as tariff`,
  );
  const todayMonth = today.slice(0, 7);
  // Months of the year not yet billed (after the latest issued bill's month, at the earliest next month).
  const lastBilled = await firstRow<{ m: string | null }>(
    db(),
    sql`select to_char(max(month), 'YYYY-MM') as m from bills where regulation_id = ${regulationId} and status = 'diterbitkan' and month between ${yearStart}::date and ${yearEnd}::date`,
  );
  const fromMonth = [lastBilled?.m ? addMonths(lastBilled.m, 1) : `${year}-01`, year === Number(todayMonth.slice(0, 4)) ? todayMonth : `${year}-01`]
    .sort()
    .at(-1)!;
  const remainingMonths = Number(todayMonth.slice(0, 4)) > year ? 0 : monthsBetween(fromMonth, `${year}-12`);
  const n = (x: number | string | null) => (x == null ? 0 : Number(x));
  return {
    fiscalYear: year,
    allocated: r!.allocated == null ? null : Number(r!.allocated),
    billed: n(r!.billed),
    paid: n(r!.paid),
    outstanding: n(r!.outstanding),
    credit: n(r!.credit),
    refunded: n(r!.refunded),
    holders: r!.holders,
    remainingMonths,
    projection: n(r!.paid) + n(r!.outstanding) + remainingMonths * r!.holders * r!.tariff,
  };
}
