import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { isAgeEligible } from "@/lib/domain/nik";
import { inForceToday } from "./in-force";
import { rows } from "./rows";

// Places in quotas. Called only inside the transactions of lib/data functions that have already
// checked the viewer's permission and scope; never imported by app/ (ESLint).

type PlaceSeeker = { id: number; regencyCode: string; birthDate: string; villageCode: string | null };

// Funder priority (regulations issue, item 7): the area's own order when its supervisor set one,
// else APBD kab/kota, APBD provinsi, APBDes, CSR, others; then the earliest enacted.
const FUNDER_ORDER = sql`coalesce(
    array_position((select s.funder_priority from area_settings s where s.regency_code = r.regency_code), r.issuer),
    10 + array_position(array['kabkota','provinsi','desa','csr','lainnya']::regulation_issuer[], r.issuer))`;

/**
 * Takes a place for a worker in the first regulation of its area that is in force today, has a
 * free place and whose rules (age on `today`, village list) the worker meets. The counter update
 * `counted < quota` is atomic; under concurrency a loser simply tries the next regulation.
 * Returns the regulation id, or null when there is no place (the worker waits).
 */
export async function takePlace(tx: Tx, w: PlaceSeeker, today: string): Promise<number | null> {
  const candidates = await rows<{
    id: number;
    minAgeMonths: number;
    maxAgeMonths: number;
    villageScheme: boolean;
    villageListed: boolean;
  }>(
    tx,
    sql`
    select r.id, r.min_age_months as "minAgeMonths", r.max_age_months as "maxAgeMonths",
           exists (select 1 from regulation_villages rv where rv.regulation_id = r.id) as "villageScheme",
           exists (select 1 from regulation_villages rv where rv.regulation_id = r.id and rv.village_code = ${w.villageCode}) as "villageListed"
      from regulations r
     where r.regency_code = ${w.regencyCode} and ${inForceToday(today)} and r.counted < r.quota
     order by ${FUNDER_ORDER}, r.enacted_on, r.id`,
  );
  for (const r of candidates) {
    if (!isAgeEligible(w.birthDate, today, r)) continue;
    if (r.villageScheme && !r.villageListed) continue;
    const taken = await rows<unknown>(tx, sql`update regulations set counted = counted + 1 where id = ${r.id} and counted < quota returning id`);
    if (taken.length) return r.id;
  }
  return null;
}

export async function releasePlace(tx: Tx, regulationId: number) {
  await tx.execute(sql`update regulations set counted = counted - 1 where id = ${regulationId}`);
}

/**
 * The history insert, written once: `source` yields (worker_id, actor_id, from_status, to_status,
 * regulation_id, reason, effective_on, at) in that order, a VALUES list or a SELECT. Usable as a
 * statement or inside a data-modifying CTE, so set-based writers record their events set-based.
 * Set-based sources give `at` and `effective_on` as EVENT_NOW / EVENT_TODAY (evaluated once per
 * statement: portal_now() reads the clock row, a few µs a call, too many for 200,000 rows).
 */
export function insertEvents(source: SQL): SQL {
  return sql`insert into worker_events (worker_id, actor_id, from_status, to_status, regulation_id, reason, effective_on, at) ${source}`;
}

/** The clock of record and its WIB day, once per statement (an InitPlan), for set-based writes. */
export const EVENT_NOW = sql`(select portal_now())`;
export const EVENT_TODAY = sql`(select portal_today())`;

export type WorkerEvent = {
  workerId: number;
  actorId: string | null;
  from: string | null;
  to: string;
  regulationId?: number | null;
  reason?: string | null;
  effectiveOn?: string | null;
};

/** One status change in the history; `effectiveOn` (a typed date) defaults to today. */
export async function recordEvent(tx: Tx, e: WorkerEvent) {
  await tx.execute(
    insertEvents(sql`values (${e.workerId}, ${e.actorId}::uuid, ${e.from}::worker_status, ${e.to}::worker_status, ${e.regulationId ?? null}::int, ${e.reason ?? null},
      coalesce(${e.effectiveOn ?? null}::date, portal_today()), portal_now())`),
  );
}

/**
 * Promotes waiting workers of an area first-in-first-out (by submission time) while places are
 * free. A worker who no longer fits any regulation with free places (age, village) is skipped
 * and flagged, not silently promoted. Returns how many were promoted.
 */
export async function promoteWaiting(tx: Tx, regencyCode: string, today: string, actorId: string | null): Promise<number> {
  let promoted = 0;
  const [free] = await rows<{ n: number }>(
    tx,
    sql`select coalesce(sum(quota - counted), 0)::int as n from regulations
    where regency_code = ${regencyCode} and ${inForceToday(today, "regulations")}`,
  );
  if (!free || free.n === 0) return 0;
  const waiting = await rows<PlaceSeeker>(
    tx,
    sql`select id, regency_code as "regencyCode", birth_date::text as "birthDate", village_code as "villageCode"
      from workers where regency_code = ${regencyCode} and status = 'daftar_tunggu'
      order by submitted_at, id for update`,
  );
  let left = free.n;
  for (const w of waiting) {
    if (left === 0) break;
    const regulationId = await takePlace(tx, w, today);
    if (regulationId == null) {
      await tx.execute(
        sql`update workers set flagged_reason = 'Tidak memenuhi syarat regulasi yang masih memiliki kuota (usia/desa); tetap di daftar tunggu.', updated_at = now() where id = ${w.id}`,
      );
      continue;
    }
    await tx.execute(
      sql`update workers set status = 'diajukan', regulation_id = ${regulationId}, flagged_reason = null, updated_at = now() where id = ${w.id}`,
    );
    await recordEvent(tx, { workerId: w.id, actorId, from: "daftar_tunggu", to: "diajukan", regulationId, reason: "Naik dari daftar tunggu" });
    promoted++;
    left--;
  }
  return promoted;
}

/**
 * When a regulation ends: its holders move to the successor in order of original submission up
 * to its free places, the rest go to the waiting list; or they all end with "regulasi berakhir".
 * Set-based: one statement per outcome.
 */
export async function settleHolders(tx: Tx, args: { regulationId: number; successorId: number | null; actorId: string | null; endedOn: string }) {
  if (args.successorId == null) {
    // Ended on the regulation's end date (never before a worker's own coverage start).
    await tx.execute(sql`with h as (select id, status, greatest(${args.endedOn}::date, coalesce(coverage_start, ${args.endedOn}::date)) as ended_on
                 from workers where regulation_id = ${args.regulationId} for update),
      ended as (update workers w set status = 'berakhir', end_reason = 'regulasi_berakhir', ended_on = h.ended_on, regulation_id = null, updated_at = now()
                 from h where w.id = h.id returning w.id)
      ${insertEvents(sql`select h.id, ${args.actorId}::uuid, h.status, 'berakhir'::worker_status, ${args.regulationId}::int, 'Regulasi berakhir', h.ended_on, ${EVENT_NOW} from h`)}`);
  } else {
    // Lock first: FOR UPDATE cannot sit beside the window function below.
    await tx.execute(sql`select id from regulations where id = ${args.successorId} for update`);
    await tx.execute(sql`select id from workers where regulation_id = ${args.regulationId} for update`);
    await tx.execute(sql`with succ as (select quota - counted as free from regulations where id = ${args.successorId}),
      h as (select id, status, row_number() over (order by submitted_at, id) as rn from workers where regulation_id = ${args.regulationId}),
      moved as (update workers set regulation_id = ${args.successorId}, updated_at = now()
                 where id in (select id from h where rn <= (select free from succ)) returning id),
      waiting as (update workers set status = 'daftar_tunggu', regulation_id = null, updated_at = now()
                 where id in (select id from h where rn > (select free from succ)) returning id),
      bump as (update regulations set counted = counted + (select count(*) from moved) where id = ${args.successorId} returning id),
      ev1 as (${insertEvents(sql`select h.id, ${args.actorId}::uuid, h.status, h.status, ${args.successorId}::int, 'Dipindah ke regulasi pengganti', ${EVENT_TODAY}, ${EVENT_NOW} from h where h.id in (select id from moved)`)})
      ${insertEvents(sql`select h.id, ${args.actorId}::uuid, h.status, 'daftar_tunggu'::worker_status, null::int, 'Regulasi berakhir; kuota pengganti penuh', ${EVENT_TODAY}, ${EVENT_NOW} from h where h.id in (select id from waiting)`)}`);
  }
  await tx.execute(sql`update regulations set counted = 0 where id = ${args.regulationId}`);
}

export type BulkCandidate = { id: number; free: number; minAgeMonths: number; maxAgeMonths: number; villages: string[] | null };

/**
 * For a bulk import chunk: the area's regulations in force with free places, in funder priority
 * order. With `lock`, locked (FOR UPDATE) until the chunk's transaction ends, so single
 * registrations running at the same time wait and then see the new counts. Without it (chunks
 * committed side by side while every regulation has room for every remaining row), the places are
 * taken by takeBulkPlaces, which refuses to go past the quota.
 */
export async function areaRegulationsForBulk(tx: Tx, regencyCode: string, today: string, { lock }: { lock: boolean }): Promise<BulkCandidate[]> {
  return await rows<BulkCandidate>(
    tx,
    sql`
    select r.id, r.quota - r.counted as free, r.min_age_months as "minAgeMonths", r.max_age_months as "maxAgeMonths",
           (select array_agg(rv.village_code) from regulation_villages rv where rv.regulation_id = r.id) as villages
      from regulations r
     where r.regency_code = ${regencyCode} and ${inForceToday(today)}
     order by ${FUNDER_ORDER}, r.enacted_on, r.id
     ${lock ? sql`for update of r` : sql``}`,
  );
}

/**
 * Counts the places a bulk chunk took, regulation by regulation in the order given (funder
 * priority, the order single registrations lock them in), keeping room for `keep` more rows in
 * every one of them. Returns false when that room is not there (places were taken meanwhile by
 * someone the chunk did not wait for); the caller rolls back.
 */
export async function takeBulkPlaces(tx: Tx, taken: { regulationId: number; n: number }[], keep: number): Promise<boolean> {
  for (const t of taken) {
    if (t.n === 0 && keep === 0) continue;
    const ok = await rows<unknown>(
      tx,
      sql`update regulations set counted = counted + ${t.n} where id = ${t.regulationId} and quota - counted - ${t.n} >= ${keep} returning id`,
    );
    if (!ok.length) return false;
  }
  return true;
}
