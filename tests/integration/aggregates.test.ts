// The dashboard aggregates (kept by triggers on `workers`, migration 0006) must equal a recount.
// ≥ 1,000 random operations through lib/data, as the app performs them, with the database clock
// moving across several WIB month boundaries; then every aggregate is compared with plain SQL
// over `workers` and `worker_events`, written independently of the trigger. The seed is printed:
// AGG_SEED=<n> replays a run.
//
// The clock moves through the portal_clock row (lib/data/clock.ts), which the app and the
// triggers read alike. Endings are back-dated at random (their typed date), activations start on
// back-dated coverage days, so the dated buckets and coverage spans are exercised across months.

import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { connect } from "@/db/connection";
import type { Viewer } from "@/lib/authz/viewer";
import { setPortalClock } from "@/lib/data/clock";
import { UserFacingError } from "@/lib/data/errors";
import { wibDay } from "@/lib/domain/wib";
import {
  createAmendment,
  createRegulation,
  enactAmendment,
  enactRegulation,
  endRegulation,
  moveWorkersBetweenRegulations,
  submitRegulationForReview,
} from "@/lib/data/regulations";
import {
  activateWorker,
  endWorker,
  getWorkerFormValuesForViewer,
  registerWorker,
  rejectWorkers,
  submitWorker,
  updateWorker,
  verifyWorkers,
} from "@/lib/data/workers";
import { createAreaUser, createBranchHead } from "../support/areas";
import { regulationInput } from "../support/regulations";
import { viewerFor } from "../support/viewers";
import { AKTIF_SPANS_FROM_HISTORY } from "../support/coverage";
import { claimNikNamespace, makeNik, workerInput } from "../support/workers";

claimNikNamespace(3);

const SERANG = "36.73"; // Kota Serang: no demo data, used only by this file
const OPERATIONS = 1100;
const seed = Number(process.env.AGG_SEED ?? Date.now() % 1_000_000);
console.log(`[aggregates] seed ${seed} (AGG_SEED=${seed} to replay)`);

// mulberry32: small, seedable, good enough to pick operations.
function rng(a: number) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(seed);
/** Nothing to pick (e.g. no draft yet): the operation is skipped. */
class Nothing extends Error {}
const pick = <T>(xs: readonly T[]): T => {
  if (!xs.length) throw new Nothing();
  return xs[Math.floor(random() * xs.length)]!;
};

const reader = connect(inject("databaseUrl"), 1).sql;
afterAll(async () => {
  // The clock is shared by every test file: back to the suite's pinned day.
  await setPortalClock(process.env.PORTAL_CLOCK!);
  await reader.end({ timeout: 5 });
});

let officer: Viewer, supervisor: Viewer, branch: Viewer;
let villages: { code: string; district: string }[];
let occupationIds: number[];
let clock = Date.parse("2026-06-28T10:00:00Z");

async function setClock() {
  await setPortalClock(new Date(clock));
}
const today = () => wibDay(new Date(clock));
/** A day between `from` and today (inclusive), at random. */
const dayBetween = (from: string) => {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${today()}T00:00:00Z`);
  return b <= a ? today() : new Date(a + Math.floor(random() * ((b - a) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
};

async function newRegulation(quota: number) {
  const reg = await createRegulation(supervisor, regulationInput({ title: `Perwal Serang uji ${quota} ${random()}`, quota }));
  await submitRegulationForReview(supervisor, reg.id);
  await enactRegulation(supervisor, reg.id, { number: `No. ${reg.id}/2026`, enactedOn: "2026-01-01" });
  return reg.id;
}

const ids = async (where: string) =>
  (await reader.unsafe(`select id from workers where regency_code = '${SERANG}' and ${where} order by id`)).map((r) => Number(r.id));
const live = async () =>
  (await reader.unsafe(`select id from regulations where regency_code = '${SERANG}' and status = 'enacted' order by id`)).map((r) => Number(r.id));

function newPerson() {
  const female = random() < 0.45;
  const birth = { day: 1 + Math.floor(random() * 28), month: 1 + Math.floor(random() * 12), year: 1965 + Math.floor(random() * 40) };
  const v = pick(villages);
  const nik = makeNik(birth, female);
  const birthDate = `${birth.year}-${String(birth.month).padStart(2, "0")}-${String(birth.day).padStart(2, "0")}`;
  return workerInput({
    districtCode: v.district,
    villageCode: v.code,
    nik,
    birthDate,
    sex: female ? "P" : "L",
    occupationId: pick(occupationIds),
    intent: random() < 0.85 ? "submit" : "draft",
  });
}

let kpj = 0;
const OPS: [number, string, () => Promise<unknown>][] = [
  [34, "register", () => registerWorker(officer, newPerson())],
  [5, "submit draft", async () => submitWorker(officer, pick(await ids("status = 'draft'")))],
  [
    14,
    "verify",
    async () => {
      const queue = await ids("status = 'diajukan'");
      return verifyWorkers(branch, [pick(queue), ...queue.filter(() => random() < 0.2)]);
    },
  ],
  [
    10,
    "activate",
    async () =>
      activateWorker(branch, pick(await ids("status = 'diverifikasi'")), {
        kpjNumber: `SRG${seed}${++kpj}`.slice(0, 16),
        coverageStart: wibDay(new Date(clock - Math.floor(random() * 40) * 86_400_000)),
      }),
  ],
  [6, "reject", async () => rejectWorkers(branch, [pick(await ids("status in ('diajukan', 'diverifikasi')"))], "Data tidak cocok (uji)")],
  [5, "resubmit", async () => submitWorker(officer, pick(await ids("status = 'ditolak'")))],
  [
    8,
    "end",
    async () => {
      const id = pick(await ids("status <> 'berakhir'"));
      const [w] = await reader`select greatest(coalesce(coverage_start, status_since), status_since)::text as "from" from workers where id = ${id}`;
      return endWorker(
        officer,
        id,
        pick(["meninggal", "pindah_domisili", "tidak_memenuhi_syarat", "mengundurkan_diri"] as const),
        random() < 0.5 ? today() : dayBetween(w!.from as string),
      );
    },
  ],
  [
    7,
    "update kecamatan/occupation",
    async () => {
      const id = pick(await ids("status not in ('berakhir', 'diverifikasi', 'aktif')"));
      const { values } = await getWorkerFormValuesForViewer(officer, id);
      const v = pick(villages);
      await updateWorker(officer, id, {
        ...workerInput({ districtCode: v.district, villageCode: v.code }),
        ...values,
        districtCode: v.district,
        villageCode: v.code,
        occupationId: pick(occupationIds),
        sex: values.sex as "L" | "P",
        income: 1000000,
        kkNumber: null,
        intent: "submit",
        confirmWarnings: true,
      });
    },
  ],
  [
    3,
    "amend quota",
    async () => {
      const id = pick(await live());
      const [r] = await reader`select quota from regulations where id = ${id}`;
      const a = await createAmendment(supervisor, id, {
        title: "Tambah kuota (uji)",
        newQuota: Number(r!.quota) + 1 + Math.floor(random() * 8),
        newEndsOn: null,
        budgetFiscalYear: null,
        budgetAllocated: null,
      });
      await enactAmendment(supervisor, a.id, { number: `Amandemen ${a.id}`, enactedOn: "2026-11-24" });
    },
  ],
  [
    3,
    "move between regulations",
    async () => {
      const [from, to] = [pick(await live()), pick(await live())];
      return moveWorkersBetweenRegulations(supervisor, { fromId: from, toId: to, count: 1 + Math.floor(random() * 5) });
    },
  ],
  [
    1,
    "end regulation, successor takes its holders",
    async () => {
      const regs = await live();
      if (regs.length > 3) throw new Nothing();
      const successor = await newRegulation(5 + Math.floor(random() * 30));
      await endRegulation(supervisor, pick(regs), { endedOn: "2026-11-24", reason: "revoked", workers: "move", successorId: successor });
    },
  ],
  [
    2,
    "re-register after berakhir",
    async () => {
      const [w] = await reader.unsafe(`select w.id from workers w where w.regency_code = '${SERANG}' and w.status = 'berakhir'
        and not exists (select 1 from workers x where x.nik = w.nik and x.status <> 'berakhir') order by random() limit 1`);
      if (!w) throw new Nothing();
      const { values } = await getWorkerFormValuesForViewer(officer, Number(w.id));
      const v = pick(villages);
      return registerWorker(officer, {
        ...newPerson(),
        nik: values.nik!,
        birthDate: values.birthDate!,
        sex: values.sex as "L" | "P",
        districtCode: v.district,
        villageCode: v.code,
      });
    },
  ],
];
const TOTAL_WEIGHT = OPS.reduce((s, [w]) => s + w, 0);

beforeAll(async () => {
  await createAreaUser("petugas.serang@portal.test", "petugas", SERANG);
  await createAreaUser("supervisor.serang@portal.test", "supervisor", SERANG);
  await createBranchHead("kacab.serang@portal.test", SERANG);
  officer = await viewerFor("petugas.serang@portal.test");
  supervisor = await viewerFor("supervisor.serang@portal.test");
  branch = await viewerFor("kacab.serang@portal.test");
  villages = (
    await reader`select v.code, v.district_code as district from villages v join districts d on d.code = v.district_code where d.regency_code = ${SERANG} order by v.code`
  ).map((r) => ({ code: r.code as string, district: r.district as string }));
  occupationIds = (await reader`select id from occupations`).map((r) => Number(r.id));
  await setClock();
  await newRegulation(60);
  await newRegulation(40);
});

/** Rows in one result and not the other (both ways): [] when they agree. */
async function differences(a: string, b: string) {
  return reader.unsafe(`(select 'aggregate' as side, * from (${a}) x except all select 'aggregate', * from (${b}) y)
    union all (select 'recount', * from (${b}) y except all select 'recount', * from (${a}) x) limit 20`);
}

const key = "regency_code, district_code, regulation_id, status";
const workersKey = "regency_code, coalesce(district_code, '') as district_code, coalesce(regulation_id, 0) as regulation_id, status";
const wib = (col: string) => `(${col} at time zone 'Asia/Jakarta')`;

describe("dashboard aggregates", () => {
  it(`equal an independent recount after ${OPERATIONS} random operations across month boundaries`, { timeout: 180_000 }, async () => {
    const done: Record<string, number> = {};
    let refused = 0;
    for (let i = 0; i < OPERATIONS; i++) {
      clock += Math.floor(random() * 6 * 3_600_000); // 0–6 hours: about 4½ months in all
      await setClock();
      let r = random() * TOTAL_WEIGHT;
      const [, name, op] = OPS.find(([w]) => (r -= w) < 0)!;
      try {
        await op();
        done[name] = (done[name] ?? 0) + 1;
      } catch (e) {
        // A refusal the app gives its user (no place fits, age, nothing to move) is an outcome
        // too; anything else fails the test.
        if (e instanceof UserFacingError) refused++;
        else if (!(e instanceof Nothing)) throw e;
      }
    }
    console.log(`[aggregates] ${JSON.stringify(done)}; ${refused} refused or empty`);
    expect(done.register).toBeGreaterThan(300);
    const months = (
      await reader`select count(distinct date_trunc('month', at at time zone 'Asia/Jakarta'))::int as n from worker_events e join workers w on w.id = e.worker_id where w.regency_code = ${SERANG}`
    )[0]!.n;
    expect(months).toBeGreaterThanOrEqual(4);

    // Current counts, over the whole database (every other test file's writes included).
    expect(await differences(`select ${key}, n from agg_current where n <> 0`, `select ${workersKey}, count(*)::int from workers group by 1, 2, 3, 4`)).toEqual(
      [],
    );
    for (const [dim, expr] of [
      ["occupation", "coalesce(occupation_id::text, '')"],
      ["sex", "sex"],
      ["birth_year", "extract(year from birth_date)::int::text"],
    ]) {
      expect(
        await differences(
          `select ${key}, value, n from agg_breakdown_current where dim = '${dim}' and n <> 0`,
          `select ${workersKey}, ${expr}, count(*)::int from workers group by 1, 2, 3, 4, 5`,
        ),
      ).toEqual([]);
    }
    // Every flow table sums to the current counts.
    for (const t of ["agg_monthly", "agg_daily"]) {
      expect(
        await differences(
          `select ${key}, sum(delta)::int from ${t} group by 1, 2, 3, 4 having sum(delta) <> 0`,
          `select ${workersKey}, count(*)::int from workers group by 1, 2, 3, 4`,
        ),
      ).toEqual([]);
    }
    expect(
      await differences(
        `select ${key}, dim, value, sum(delta)::int from agg_breakdown_monthly group by 1, 2, 3, 4, 5, 6 having sum(delta) <> 0`,
        `select ${key}, dim, value, n from agg_breakdown_current where n <> 0`,
      ),
    ).toEqual([]);
    // The area-level rollups (no kecamatan) against the same recount.
    const areaKey = "regency_code, regulation_id, status";
    const workersAreaKey = "regency_code, coalesce(regulation_id, 0) as regulation_id, status";
    for (const t of ["agg_area_monthly", "agg_area_daily"]) {
      expect(
        await differences(
          `select ${areaKey}, sum(delta)::int from ${t} group by 1, 2, 3 having sum(delta) <> 0`,
          `select ${workersAreaKey}, count(*)::int from workers group by 1, 2, 3`,
        ),
      ).toEqual([]);
    }
    expect(
      await differences(
        `select ${areaKey}, dim, value, n from agg_area_breakdown where n <> 0`,
        `select ${workersAreaKey}, 'occupation', coalesce(occupation_id::text, ''), count(*)::int from workers group by 1, 2, 3, 5
         union all select ${workersAreaKey}, 'sex', sex, count(*)::int from workers group by 1, 2, 3, 5
         union all select ${workersAreaKey}, 'birth_year', extract(year from birth_date)::int::text, count(*)::int from workers group by 1, 2, 3, 5`,
      ),
    ).toEqual([]);
    // Quota counters equal the holders.
    expect(await reader`select id from regulations r where counted <> (select count(*) from workers w where w.regulation_id = r.id)`).toEqual([]);

    // Kota Serang's flows, against its status history. A status change counts on the day it took
    // effect: an ending on its typed date, anything else on the day it was recorded, and never
    // before the previous change of the same worker (a running maximum).
    const changes = `select e.*, max(case when e.to_status = 'berakhir' then e.effective_on else ${wib("e.at")}::date end)
        over (partition by e.worker_id order by e.at, e.id) as dy
      from worker_events e join workers w on w.id = e.worker_id where w.regency_code = '${SERANG}' and e.from_status is distinct from e.to_status`;
    for (const [t, unit] of [
      ["agg_monthly", "month"],
      ["agg_daily", "day"],
      ["agg_area_monthly", "month"],
      ["agg_area_daily", "day"],
    ]) {
      const bucket = unit === "month" ? `date_trunc('month', c.dy)::date` : `c.dy`;
      expect(
        await differences(
          `select status, ${unit}, sum(entered)::int from ${t} where regency_code = '${SERANG}' group by 1, 2 having sum(entered) <> 0`,
          `select c.to_status, ${bucket}, count(*)::int from (${changes}) c group by 1, 2`,
        ),
      ).toEqual([]);
    }
    // …and the number in each status at the end of every month, replayed from that history.
    const ends = await reader.unsafe(`select distinct date_trunc('month', c.dy)::date::text as m from (${changes}) c order by 1`);
    expect(ends.length).toBeGreaterThanOrEqual(4);
    for (const { m } of ends) {
      const month = m as string;
      expect(
        await differences(
          `select status, sum(delta)::int from agg_monthly where regency_code = '${SERANG}' and month <= '${month}' group by 1 having sum(delta) <> 0`,
          `select to_status, count(*)::int from (
             select distinct on (c.worker_id) c.to_status from (${changes}) c
              where c.dy < ('${month}'::date + interval '1 month')
              order by c.worker_id, c.at desc, c.id desc) last group by 1`,
        ),
      ).toEqual([]);
      // Aktif on any day of the month, per regulation: the rollup the pages read (agg_coverage_monthly)
      // against the spans replayed from the history, and against the SQL twin over the spans.
      const recount = `select s.regulation_id, count(*)::int from (${AKTIF_SPANS_FROM_HISTORY}) s
          where s.starts_on < ('${month}'::date + interval '1 month') and (s.ends_on is null or s.ends_on >= '${month}'::date) and s.regency_code = '${SERANG}' group by 1`;
      const rollup = `select regulation_id, (sum(started) filter (where month <= '${month}') - coalesce(sum(ended) filter (where month < '${month}'), 0))::int as n
          from agg_coverage_monthly where regency_code = '${SERANG}' group by 1 having (sum(started) filter (where month <= '${month}') - coalesce(sum(ended) filter (where month < '${month}'), 0)) <> 0`;
      expect(await differences(rollup, recount)).toEqual([]);
      expect(
        await differences(`select regulation_id, count(*)::int from aktif_spans_in_month('${month}') where regency_code = '${SERANG}' group by 1`, recount),
      ).toEqual([]);
    }
  });
});
