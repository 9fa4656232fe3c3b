import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, readDb } from "@/db/client";
import { assertCan } from "@/lib/authz/permissions";
import { districtInScope, enrollmentInScope, regencyInScope, scopeOf } from "@/lib/authz/scope";
import type { Viewer } from "@/lib/authz/viewer";
import { today as clockToday } from "@/lib/clock";
import { committedCost } from "@/lib/domain/budget";
import { forecastQuota, pacePerWeek, type Forecast } from "@/lib/domain/regulations";
import { addDays, daysSince, monthOf } from "@/lib/domain/wib";
import { NotFoundError } from "./errors";
import { aktifByMonth } from "./internal/coverage";
import { inForceOn, inForceToday } from "./internal/in-force";
import { rows as rowsOf } from "./internal/rows";
import { listTariffs } from "./regulations";

// Dashboards read only the aggregate tables (migration 0006) and the small reference tables,
// never the workers table (one exception, the oldest item of a branch queue, reads one row per
// kecamatan through an index). Scope is applied to the aggregates' kecamatan and area columns.

export type Funder = "kabkota" | "provinsi" | "desa" | "csr" | "lainnya";
export type DashboardFilter = { fiscalYear: number; funder: Funder | null; regencyCode?: string | null };
/** As of the end of a past day (a quarter's last day); null = now. */
export type AsOf = string | null;

const COUNTED = sql`('diajukan', 'diverifikasi', 'aktif')`;
const aggScope = (viewer: Viewer, alias = "a") => enrollmentInScope(scopeOf(viewer), sql.raw(`${alias}.regency_code`), sql.raw(`${alias}.district_code`));
/**
 * Scope for the area-level rollups (no kecamatan column). Only pemda, Kanwil and admin views
 * read them; a branch must never see a whole area's figures, so its scope is refused here.
 */
function areaScope(viewer: Viewer, alias = "a") {
  const scope = scopeOf(viewer);
  if (scope.kind === "branch") throw new Error("Area-level aggregates are not for branch scope");
  return regencyInScope(scope, sql.raw(`${alias}.regency_code`));
}
const oneArea = (code: string | null | undefined, alias = "a") => (code ? sql`and ${sql.raw(`${alias}.regency_code`)} = ${code}` : sql``);
const funderRegs = (f: DashboardFilter) => (f.funder ? sql`and a.regulation_id in (select id from regulations where issuer = ${f.funder})` : sql``);

/** Stock per kecamatan, regulation and status: now, or at the end of the month holding `asOf`. */
function stock(viewer: Viewer, asOf: AsOf, extra: SQL = sql``) {
  return asOf
    ? sql`select a.regency_code, a.district_code, a.regulation_id, a.status, sum(a.delta)::int as n from agg_monthly a
          where ${aggScope(viewer)} and a.month <= date_trunc('month', ${asOf}::date) ${extra} group by 1, 2, 3, 4`
    : sql`select a.regency_code, a.district_code, a.regulation_id, a.status, a.n from agg_current a where ${aggScope(viewer)} ${extra}`;
}

/**
 * Regulations in force (optionally of one funder). Now: exactly what places are taken from
 * (enacted, within their period, today's quota). On a past day (`past`): those enacted and not yet
 * ended then, with the quota they had that day (an amendment enacted later is undone through its
 * `previous_quota`).
 */
function inForce(day: string, f: DashboardFilter, past = false) {
  const funder = f.funder ? sql`and r.issuer = ${f.funder}` : sql``;
  if (!past) {
    return sql`select r.id, r.regency_code, r.title, r.number, r.issuer, r.ends_on, r.quota from regulations r where ${inForceToday(day)} ${funder}`;
  }
  return sql`select r.id, r.regency_code, r.title, r.number, r.issuer, r.ends_on,
      coalesce((select am.previous_quota from regulation_amendments am where am.regulation_id = r.id and am.status = 'enacted'
                  and am.previous_quota is not null and am.enacted_on > ${day}::date order by am.enacted_on, am.id limit 1), r.quota) as quota
    from regulations r
    where ${inForceOn(day)} ${funder}`;
}

// Figures read the read pool (a replica within its lag bound, else the primary). The home page's
// "Perlu tindakan", the branch queue (both follow the user's own actions) and the scope checks read
// the primary.
const rows = <T>(q: SQL) => rowsOf<T>(db(), q);
const figures = async <T>(q: SQL) => rowsOf<T>(await readDb(), q);

export type AreaFigures = {
  code: string;
  name: string;
  regulations: number;
  quota: number;
  counted: number;
  aktif: number;
  waiting: number;
  percent: number;
  change30: number;
  takenLast4Weeks: number;
  forecast: Forecast | null;
  allocated: number;
  committed: number;
};

/**
 * One row per kabupaten/kota in the viewer's scope (or of one province, for admin): quota,
 * counted, aktif, waiting, % of quota, change over 30 days, forecast, budget committed vs
 * allocated for the fiscal year. Areas without a regulation are listed too.
 */
export async function listAreaFiguresForViewer(
  viewer: Viewer,
  f: DashboardFilter & { provinceCode?: string | null },
  asOf: AsOf = null,
): Promise<AreaFigures[]> {
  assertCan(viewer.role, "dashboard.area");
  const day = asOf ?? (await clockToday());
  const areaWhere = and(
    regencyInScope(scopeOf(viewer), sql.raw("g.code")),
    f.provinceCode ? sql`g.province_code = ${f.provinceCode}` : undefined,
    f.regencyCode ? sql`g.code = ${f.regencyCode}` : undefined,
  );
  const only = oneArea(f.regencyCode);
  const funderHeld = f.funder ? sql`and regulation_id in (select id from regulations where issuer = ${f.funder})` : sql``;
  const areaStock = asOf
    ? sql`select a.regency_code, a.regulation_id, a.status, sum(a.delta)::int as n from agg_area_monthly a
          where ${areaScope(viewer)} ${only} and a.month <= date_trunc('month', ${asOf}::date) group by 1, 2, 3`
    : sql`select a.regency_code, a.regulation_id, a.status, sum(a.n)::int as n from agg_current a where ${areaScope(viewer)} ${only} group by 1, 2, 3`;
  const list = await figures<{
    code: string;
    name: string;
    regulations: number;
    quota: number;
    counted: number;
    aktif: number;
    waiting: number;
    change30: number;
    taken28: number;
    allocated: number;
    endsOn: string | null;
  }>(sql`
    with s as (${areaStock}),
    fig as (select regency_code,
        coalesce(sum(n) filter (where status in ${COUNTED} ${funderHeld}), 0)::int as counted,
        coalesce(sum(n) filter (where status = 'aktif' ${funderHeld}), 0)::int as aktif,
        coalesce(sum(n) filter (where status = 'daftar_tunggu'), 0)::int as waiting
      from s group by 1),
    recent as (select a.regency_code,
        coalesce(sum(a.delta) filter (where a.status in ${COUNTED}), 0)::int as change30,
        coalesce(sum(a.entered) filter (where a.status = 'diajukan' and a.day > ${day}::date - 28), 0)::int as taken28
      from agg_area_daily a where ${areaScope(viewer)} ${only} and a.status in ${COUNTED} and a.day > ${day}::date - 30 and a.day <= ${day}::date ${funderRegs(f)} group by 1),
    q as (select regency_code, count(*)::int as regulations, sum(quota)::int as quota, max(ends_on)::text as ends_on from (${inForce(day, f, asOf !== null)}) r group by 1),
    b as (select r.regency_code, sum(rb.allocated)::bigint as allocated from regulation_budgets rb join regulations r on r.id = rb.regulation_id
           where rb.fiscal_year = ${f.fiscalYear} and r.status <> 'draft' ${f.funder ? sql`and r.issuer = ${f.funder}` : sql``} group by 1)
    select g.code, g.name, coalesce(q.regulations, 0) as regulations, coalesce(q.quota, 0) as quota, coalesce(fig.counted, 0) as counted,
           coalesce(fig.aktif, 0) as aktif, coalesce(fig.waiting, 0) as waiting, coalesce(recent.change30, 0) as change30,
           coalesce(recent.taken28, 0) as taken28, coalesce(b.allocated, 0)::float8 as allocated, q.ends_on as "endsOn"
      from regencies g left join fig on fig.regency_code = g.code left join recent on recent.regency_code = g.code
      left join q on q.regency_code = g.code left join b on b.regency_code = g.code
     where ${areaWhere}
     order by g.code`);
  const committed = await committedByArea(viewer, f, day);
  return list.map((r) => {
    const remaining = Math.max(0, r.quota - r.counted);
    return {
      code: r.code,
      name: r.name,
      regulations: r.regulations,
      quota: r.quota,
      counted: r.counted,
      aktif: r.aktif,
      waiting: r.waiting,
      percent: r.quota > 0 ? Math.round((r.counted / r.quota) * 1000) / 10 : 0,
      change30: r.change30,
      takenLast4Weeks: r.taken28,
      forecast: r.regulations ? forecastQuota({ remaining, perWeek: pacePerWeek(r.taken28), today: day, endsOn: r.endsOn }) : null,
      allocated: Number(r.allocated),
      committed: committed.get(r.code) ?? 0,
    };
  });
}

function and(...parts: (SQL | undefined)[]) {
  return sql.join(
    parts.filter((p): p is SQL => !!p),
    sql` and `,
  );
}

/**
 * Cost committed in the fiscal year up to `day`'s month: for each month, the workers aktif on any
 * day of it (aktif at its start plus those who became aktif in it) × that month's tariff.
 */
async function committedByArea(viewer: Viewer, f: DashboardFilter, day: string) {
  const current = monthOf(day);
  const out = new Map<string, number>();
  if (current < `${f.fiscalYear}-01`) return out;
  const last = current < `${f.fiscalYear}-12` ? current : `${f.fiscalYear}-12`;
  const where = sql`${areaScope(viewer)} ${oneArea(f.regencyCode)} ${funderRegs(f)}`;
  const [months, tariffs] = await Promise.all([aktifByMonth(await readDb(), { by: "regency", where, from: `${f.fiscalYear}-01`, to: last }), listTariffs()]);
  const byArea = new Map<string, { month: string; active: number }[]>();
  for (const m of months) byArea.set(m.key, [...(byArea.get(m.key) ?? []), { month: m.month, active: m.aktif }]);
  for (const [area, activeByMonth] of byArea) out.set(area, committedCost(activeByMonth, tariffs));
  return out;
}

/** The area itself, if the viewer may see its dashboard. */
export async function getAreaForViewer(viewer: Viewer, regencyCode: string) {
  assertCan(viewer.role, "dashboard.area");
  const [area] = await rows<{ code: string; name: string; provinceCode: string; provinceName: string }>(sql`
    select g.code, g.name, p.code as "provinceCode", p.name as "provinceName" from regencies g join provinces p on p.code = g.province_code
     where g.code = ${regencyCode} and ${regencyInScope(scopeOf(viewer), sql.raw("g.code"))}`);
  if (!area) throw new NotFoundError("Kabupaten/kota");
  return area;
}

/** Progress against each regulation of the area in force (on `asOf`), with its aktif count. */
export async function listAreaRegulationProgressForViewer(viewer: Viewer, regencyCode: string, f: DashboardFilter, asOf: AsOf = null) {
  await getAreaForViewer(viewer, regencyCode);
  const day = asOf ?? (await clockToday());
  return figures<{ id: number; title: string; number: string | null; issuer: Funder; quota: number; counted: number; aktif: number }>(sql`
    with s as (${
      asOf
        ? sql`select a.regulation_id, a.status, sum(a.delta)::int as n from agg_area_monthly a where ${areaScope(viewer)} and a.regency_code = ${regencyCode}
                and a.month <= date_trunc('month', ${asOf}::date) group by 1, 2`
        : sql`select a.regulation_id, a.status, a.n from agg_current a where ${areaScope(viewer)} and a.regency_code = ${regencyCode}`
    })
    select r.id, r.title, r.number, r.issuer, r.quota::int,
      coalesce((select sum(n) from s where s.regulation_id = r.id and s.status in ${COUNTED}), 0)::int as counted,
      coalesce((select sum(n) from s where s.regulation_id = r.id and s.status = 'aktif'), 0)::int as aktif
    from (${inForce(day, f, asOf !== null)}) r where r.regency_code = ${regencyCode} order by r.id`);
}

/** Counted, aktif and waiting per kecamatan of the area (those with any worker, or all served by a branch). */
export async function listDistrictFiguresForViewer(viewer: Viewer, regencyCode: string | null, f: DashboardFilter, asOf: AsOf = null) {
  assertCan(viewer.role, "dashboard.view");
  if (regencyCode && viewer.role !== "kepala_cabang") await getAreaForViewer(viewer, regencyCode);
  return figures<{ code: string; name: string; regencyCode: string; regencyName: string; counted: number; aktif: number; waiting: number }>(sql`
    with s as (${stock(viewer, asOf, regencyCode ? sql`and a.regency_code = ${regencyCode}` : sql``)})
    select d.code, d.name, g.code as "regencyCode", g.name as "regencyName",
      coalesce(sum(s.n) filter (where s.status in ${COUNTED} ${f.funder ? sql`and s.regulation_id in (select id from regulations where issuer = ${f.funder})` : sql``}), 0)::int as counted,
      coalesce(sum(s.n) filter (where s.status = 'aktif' ${f.funder ? sql`and s.regulation_id in (select id from regulations where issuer = ${f.funder})` : sql``}), 0)::int as aktif,
      coalesce(sum(s.n) filter (where s.status = 'daftar_tunggu'), 0)::int as waiting
    from districts d join regencies g on g.code = d.regency_code left join s on s.district_code = d.code
    where ${districtInScope(scopeOf(viewer), sql.raw("d.code"))} ${regencyCode ? sql`and d.regency_code = ${regencyCode}` : sql``}
    group by d.code, d.name, g.code, g.name order by g.code, d.code`);
}

/** Entries per week (Monday, WIB) into a status over the last `weeks` weeks: places taken (diajukan) or activations (aktif). */
export async function listWeeklyEntriesForViewer(viewer: Viewer, status: "diajukan" | "aktif", regencyCode: string | null, weeks = 12) {
  assertCan(viewer.role, "dashboard.view");
  if (regencyCode && viewer.role !== "kepala_cabang") await getAreaForViewer(viewer, regencyCode);
  const today = await clockToday();
  const from = addDays(today, -7 * (weeks - 1));
  // A branch counts its kecamatan; pemda and Kanwil read the area-level rollup.
  const flows =
    scopeOf(viewer).kind === "branch"
      ? sql`select a.day, a.entered from agg_daily a where ${aggScope(viewer)} ${oneArea(regencyCode)} and a.status = ${status} and a.day >= ${from}::date - 7 and a.day <= ${today}::date`
      : sql`select a.day, a.entered from agg_area_daily a where ${areaScope(viewer)} ${oneArea(regencyCode)} and a.status = ${status} and a.day >= ${from}::date - 7 and a.day <= ${today}::date`;
  return figures<{ week: string; n: number }>(sql`
    with w as (select generate_series(date_trunc('week', ${from}::date), date_trunc('week', ${today}::date), interval '1 week')::date as week),
    f as (select date_trunc('week', day)::date as week, sum(entered)::int as n from (${flows}) x group by 1)
    select w.week::text as week, coalesce(f.n, 0)::int as n from w left join f using (week) order by w.week`);
}

export type Breakdowns = {
  occupation: { label: string; sector: string; n: number }[];
  sector: { label: string; n: number }[];
  sex: { label: string; n: number }[];
  ageBand: { label: string; n: number }[];
};

const AGE_BANDS: [number, number, string][] = [
  [0, 24, "18–24"],
  [25, 34, "25–34"],
  [35, 44, "35–44"],
  [45, 54, "45–54"],
  [55, 64, "55–64"],
  [65, 200, "65+"],
];

/** Counted workers of the area by occupation, BPJS sector, sex and age band (from birth year, at `asOf`). */
export async function getAreaBreakdownsForViewer(viewer: Viewer, regencyCode: string, f: DashboardFilter, asOf: AsOf = null): Promise<Breakdowns> {
  await getAreaForViewer(viewer, regencyCode);
  const source = asOf
    ? sql`select a.dim, a.value, sum(a.delta)::int as n from agg_breakdown_monthly a where ${aggScope(viewer)} and a.regency_code = ${regencyCode}
            and a.status in ${COUNTED} and a.month <= date_trunc('month', ${asOf}::date) ${funderRegs(f)} group by 1, 2`
    : sql`select a.dim, a.value, sum(a.n)::int as n from agg_area_breakdown a where ${areaScope(viewer)} and a.regency_code = ${regencyCode}
            and a.status in ${COUNTED} ${funderRegs(f)} group by 1, 2`;
  const data = await figures<{ dim: string; value: string; n: number }>(source);
  const occ = await rows<{ id: number; name: string; sector: string; sortOrder: number }>(
    sql`select id, name, sector::text, sort_order as "sortOrder" from occupations order by sort_order, name`,
  );
  const of = (dim: string) => data.filter((d) => d.dim === dim && d.n !== 0);
  const occupation = occ.map((o) => ({ label: o.name, sector: o.sector, n: of("occupation").find((d) => d.value === String(o.id))?.n ?? 0 }));
  const unknownOcc = of("occupation").find((d) => d.value === "")?.n ?? 0;
  if (unknownOcc) occupation.push({ label: "Belum diisi", sector: "lainnya", n: unknownOcc });
  const sector = ["petani", "nelayan", "lainnya"].map((s) => ({ label: s, n: occupation.filter((o) => o.sector === s).reduce((t, o) => t + o.n, 0) }));
  const year = Number((asOf ?? (await clockToday())).slice(0, 4));
  const ageBand = AGE_BANDS.map(([lo, hi, label]) => ({
    label,
    n: of("birth_year")
      .filter((d) => year - Number(d.value) >= lo && year - Number(d.value) <= hi)
      .reduce((t, d) => t + d.n, 0),
  }));
  const sex = [
    { label: "Laki-laki", n: of("sex").find((d) => d.value === "L")?.n ?? 0 },
    { label: "Perempuan", n: of("sex").find((d) => d.value === "P")?.n ?? 0 },
  ];
  return { occupation, sector, sex, ageBand };
}

/** A branch's queue: how many wait for verification, the oldest in days, and those waiting for a KPJ. */
export async function getBranchQueueStatsForViewer(viewer: Viewer) {
  assertCan(viewer.role, "dashboard.branch");
  const [counts] = await rows<{ diajukan: number; diverifikasi: number }>(sql`
    select coalesce(sum(n) filter (where status = 'diajukan'), 0)::int as diajukan, coalesce(sum(n) filter (where status = 'diverifikasi'), 0)::int as diverifikasi
      from agg_current a where ${aggScope(viewer)}`);
  // The oldest submission per served kecamatan: one index lookup each (district, status, submitted_at).
  const [oldest] = await rows<{ at: Date | null }>(sql`
    select min(o.at) as at from branch_coverage bc cross join lateral (
      select w.submitted_at as at from workers w where w.district_code = bc.district_code and w.status = 'diajukan' and w.submitted_at is not null
       order by w.submitted_at limit 1) o
     where ${districtInScope(scopeOf(viewer), sql.raw("bc.district_code"))}`);
  const at = oldest?.at ? new Date(oldest.at) : null;
  return {
    diajukan: counts?.diajukan ?? 0,
    diverifikasi: counts?.diverifikasi ?? 0,
    oldestDays: at ? daysSince(at, await clockToday()) : null,
  };
}

/**
 * The areas a branch serves kecamatan of, with each area's quota in force: shown beside the
 * branch's own counted workers as a share (a city's quota is not split between branches).
 */
export async function listBranchAreasForViewer(viewer: Viewer) {
  assertCan(viewer.role, "dashboard.branch");
  const day = await clockToday();
  return figures<{ code: string; name: string; quota: number; regulations: number }>(sql`
    select g.code, g.name, coalesce(sum(r.quota), 0)::int as quota, count(r.id)::int as regulations
      from regencies g left join (${inForce(day, { fiscalYear: 0, funder: null })}) r on r.regency_code = g.code
     where ${regencyInScope(scopeOf(viewer), sql.raw("g.code"))}
     group by g.code, g.name order by g.code`);
}

export type WorkTodo = {
  /** Enrollments in the viewer's scope by status (agg_current: no scan of workers). */
  byStatus: Record<"draft" | "menunggu_persetujuan" | "ditolak" | "daftar_tunggu" | "diajukan" | "diverifikasi", number>;
  /** The oldest submission waiting for verification, in WIB days (branch heads). */
  oldestDays: number | null;
  /** Import batches validated and waiting to be applied (pemda). */
  importsToApply: number;
};

/** What waits on the viewer's own work: the counts the home page's "Perlu tindakan" links to the filtered lists. */
export async function countWorkTodoForViewer(viewer: Viewer): Promise<WorkTodo> {
  assertCan(viewer.role, "dashboard.view");
  const [c] = await rows<WorkTodo["byStatus"]>(sql`
    select ${sql.raw(
      ["draft", "menunggu_persetujuan", "ditolak", "daftar_tunggu", "diajukan", "diverifikasi"]
        .map((s) => `coalesce(sum(n) filter (where status = '${s}'), 0)::int as "${s}"`)
        .join(", "),
    )}
      from agg_current a where ${aggScope(viewer)}`);
  const scope = scopeOf(viewer);
  const [imports] =
    scope.kind === "regency"
      ? await rows<{ n: number }>(sql`select count(*)::int as n from import_batches b where b.status = 'tervalidasi' and b.regency_code = ${scope.regencyCode}`)
      : [{ n: 0 }];
  const oldestDays = scope.kind === "branch" ? (await getBranchQueueStatsForViewer(viewer)).oldestDays : null;
  return { byStatus: c!, oldestDays, importsToApply: imports!.n };
}

export type ProvinceAlert = {
  regencyCode: string;
  regencyName: string;
  kind: "menunggu_tanpa_regulasi" | "kecamatan_tanpa_cabang" | "regulasi_berakhir";
  n: number;
  day: string | null;
};

/**
 * The Kanwil's (and admin's) alerts for a province: areas with a waiting list and no regulation in
 * force, kecamatan no branch serves (per area), and regulations in force that end within 90 days.
 */
export async function listProvinceAlertsForViewer(viewer: Viewer, provinceCode: string): Promise<ProvinceAlert[]> {
  assertCan(viewer.role, "dashboard.province");
  const scope = scopeOf(viewer);
  if (scope.kind === "province" && scope.provinceCode !== provinceCode) throw new NotFoundError("Provinsi");
  const today = await clockToday();
  return figures<ProvinceAlert>(sql`
    select g.code as "regencyCode", g.name as "regencyName", 'menunggu_tanpa_regulasi' as kind, w.n, null as day
      from regencies g join (select regency_code, sum(n)::int as n from agg_current where status = 'daftar_tunggu' group by 1) w on w.regency_code = g.code
     where g.province_code = ${provinceCode} and w.n > 0 and not exists (select 1 from regulations r where r.regency_code = g.code and ${inForceToday(today)})
    union all
    select g.code, g.name, 'kecamatan_tanpa_cabang', count(*)::int, null
      from regencies g join districts d on d.regency_code = g.code
     where g.province_code = ${provinceCode} and not exists (select 1 from branch_coverage bc where bc.district_code = d.code)
     group by g.code, g.name
    union all
    select g.code, g.name, 'regulasi_berakhir', 1, r.ends_on::text
      from regencies g join regulations r on r.regency_code = g.code
     where g.province_code = ${provinceCode} and ${inForceToday(today)} and r.ends_on is not null and r.ends_on <= ${addDays(today, 90)}::date
     order by 3, 2`);
}

export type BranchComparison = {
  officeId: number;
  name: string;
  districts: number;
  toVerify: number;
  waitingKpj: number;
  oldestDays: number | null;
  activations30: number;
};

/**
 * The Kanwil's (and admin's) comparison of the province's branches: each one's queue (to verify,
 * waiting for a KPJ, the oldest wait in WIB days) and activations in the last 30 days, from the
 * aggregates of the kecamatan it serves; the oldest wait reads one row per kecamatan by index.
 */
export async function listBranchComparisonForViewer(viewer: Viewer, provinceCode: string): Promise<BranchComparison[]> {
  assertCan(viewer.role, "dashboard.province");
  const scope = scopeOf(viewer);
  if (scope.kind === "province" && scope.provinceCode !== provinceCode) throw new NotFoundError("Provinsi");
  const today = await clockToday();
  const list = await figures<Omit<BranchComparison, "oldestDays"> & { oldestAt: Date | null }>(sql`
    with cov as (select bc.office_id, bc.district_code from branch_coverage bc join offices o on o.id = bc.office_id where o.province_code = ${provinceCode}),
    q as (select cov.office_id, coalesce(sum(a.n) filter (where a.status = 'diajukan'), 0)::int as to_verify,
                 coalesce(sum(a.n) filter (where a.status = 'diverifikasi'), 0)::int as waiting_kpj
            from cov join agg_current a on a.district_code = cov.district_code group by 1),
    act as (select cov.office_id, coalesce(sum(a.entered), 0)::int as n from cov join agg_daily a on a.district_code = cov.district_code
             where a.status = 'aktif' and a.day > ${today}::date - 30 and a.day <= ${today}::date group by 1),
    old as (select cov.office_id, min(o.at) as at from cov cross join lateral (
              select w.submitted_at as at from workers w where w.district_code = cov.district_code and w.status = 'diajukan' and w.submitted_at is not null
               order by w.submitted_at limit 1) o group by 1)
    select o.id as "officeId", o.name, (select count(*)::int from cov where cov.office_id = o.id) as districts,
           coalesce(q.to_verify, 0) as "toVerify", coalesce(q.waiting_kpj, 0) as "waitingKpj", coalesce(act.n, 0) as "activations30", old.at as "oldestAt"
      from offices o left join q on q.office_id = o.id left join act on act.office_id = o.id left join old on old.office_id = o.id
     where o.province_code = ${provinceCode} and o.kind <> 'kantor_wilayah' and o.active
     order by coalesce(q.to_verify, 0) desc, o.name`);
  return list.map(({ oldestAt, ...b }) => ({ ...b, oldestDays: oldestAt ? daysSince(new Date(oldestAt), today) : null }));
}

export type MonthHolders = { month: string; counted: number; aktif: number };

/**
 * Workers holding a place (and aktif) at the end of every month from January of last year to the
 * current month, for one area or a whole province: a running sum over the area-level monthly
 * rollup (at most 24 months × its regulations × statuses, whatever the number of workers).
 */
export async function listMonthlyHoldersForViewer(
  viewer: Viewer,
  where: { regencyCode?: string | null; provinceCode?: string | null },
  f: Pick<DashboardFilter, "fiscalYear" | "funder">,
): Promise<MonthHolders[]> {
  assertCan(viewer.role, "dashboard.area");
  if (where.regencyCode) await getAreaForViewer(viewer, where.regencyCode);
  const today = await clockToday();
  const last = `${f.fiscalYear}-12-01` < today ? `${f.fiscalYear}-12-01` : today;
  const place = where.regencyCode
    ? sql`and a.regency_code = ${where.regencyCode}`
    : where.provinceCode
      ? sql`and left(a.regency_code, 2) = ${where.provinceCode}`
      : sql``;
  return figures<MonthHolders>(sql`
    with m as (select generate_series(${`${f.fiscalYear - 1}-01-01`}::date, date_trunc('month', ${last}::date), interval '1 month')::date as month),
    flow as (select a.month, a.status, sum(a.delta)::int as d from agg_area_monthly a
              where ${areaScope(viewer)} ${place} and a.month <= ${last}::date ${funderRegs(f as DashboardFilter)}
                and a.status in ('diajukan', 'diverifikasi', 'aktif') group by 1, 2)
    select to_char(m.month, 'YYYY-MM') as month,
           coalesce(sum(flow.d), 0)::int as counted,
           coalesce(sum(flow.d) filter (where flow.status = 'aktif'), 0)::int as aktif
      from m left join flow on flow.month <= m.month group by m.month order by m.month`);
}
