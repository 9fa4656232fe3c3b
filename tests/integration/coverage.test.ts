// "Aktif on any day of month M", one definition for every page: moves between regulations,
// back-dated coverage starts and endings across month edges (a death recorded on 3 December for
// 28 November counts in November). The regulation page and the dashboard's committed budget are
// compared with a plain SQL recount from the status history (worker_events) alone.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "@/db/connection";
import type { Viewer } from "@/lib/authz/viewer";
import { setPortalClock } from "@/lib/data/clock";
import { listAreaFiguresForViewer } from "@/lib/data/dashboard";
import { getRegulationFiguresForViewer, moveWorkersBetweenRegulations } from "@/lib/data/regulations";
import { activateWorker, endWorker, registerWorker, verifyWorkers } from "@/lib/data/workers";
import { createBranchHead } from "../support/areas";
import { AKTIF_SPANS_FROM_HISTORY } from "../support/coverage";
import { importArea, type ImportArea } from "../support/import-area";
import { viewerFor } from "../support/viewers";
import { claimNikNamespace, workerInput } from "../support/workers";

claimNikNamespace(8);

const GARUT = "32.05"; // no demo data, used only by this file
const sql = connect(inject("databaseUrl"), 1).sql;
let a: ImportArea;
let branch: Viewer;
let r2: number;

const at = (day: string) => setPortalClock(`${day}T03:00:00Z`);

beforeAll(async () => {
  a = await importArea(GARUT, 10);
  const [reg] =
    await sql`insert into regulations (regency_code, type, issuer, number, title, status, starts_on, quota, min_age_months, max_age_months, enacted_on)
    values (${GARUT}, 'pergub', 'provinsi', 'Pergub Garut Uji', 'Pergub uji cakupan', 'enacted', '2026-01-01', 10, 216, 779, '2026-01-01') returning id`;
  r2 = reg!.id;
  // Jawa Barat has no Kanwil in the seed: one for this test's branch.
  await sql`insert into offices (kind, name, province_code) values ('kantor_wilayah', 'Kanwil Jawa Barat (uji)', '32') on conflict (name) do nothing`;
  await createBranchHead("kacab.garut@portal.test", GARUT);
  branch = await viewerFor("kacab.garut@portal.test");
});

afterAll(async () => {
  await setPortalClock(process.env.PORTAL_CLOCK!);
  await sql.end({ timeout: 5 });
});

/** Aktif per regulation and month of 2026, replayed from worker_events only. */
async function recount(regulationId: number) {
  const rows = await sql.unsafe(`select to_char(m, 'YYYY-MM') as month, count(s.*)::int as active
      from generate_series('2026-01-01'::date, '2026-12-01'::date, interval '1 month') m
      join (${AKTIF_SPANS_FROM_HISTORY}) s on s.starts_on < m + interval '1 month' and (s.ends_on is null or s.ends_on >= m)
     where s.regulation_id = ${regulationId} group by m order by m`);
  return rows.map((r) => ({ month: r.month as string, active: r.active as number }));
}

describe("aktif in a month", () => {
  it("is the same on the regulation page, in the dashboard's committed budget and in a recount from the history", async () => {
    await at("2026-09-10");
    const [x, y, z] = [
      await registerWorker(a.officer, workerInput({ districtCode: a.kec, villageCode: a.village })),
      await registerWorker(a.officer, workerInput({ districtCode: a.kec, villageCode: a.village })),
      await registerWorker(a.officer, workerInput({ districtCode: a.kec, villageCode: a.village })),
    ];
    await verifyWorkers(branch, [x!.id, y!.id, z!.id]);
    // Coverage back-dated before the day it is recorded, and one on a month's last day.
    await activateWorker(branch, x!.id, { kpjNumber: `GRT${Date.now()}1`.slice(0, 16), coverageStart: "2026-08-20" });
    await activateWorker(branch, y!.id, { kpjNumber: `GRT${Date.now()}2`.slice(0, 16), coverageStart: "2026-09-01" });
    await at("2026-09-30");
    await activateWorker(branch, z!.id, { kpjNumber: `GRT${Date.now()}3`.slice(0, 16), coverageStart: "2026-09-30" });
    // On 1 October the earliest holder moves to the second regulation.
    await at("2026-10-01");
    expect(await moveWorkersBetweenRegulations(a.supervisor, { fromId: a.regulationId, toId: r2, count: 1 })).toBe(1);
    // On 3 December: one ended on 31 October (a month's edge), one died on 28 November.
    await at("2026-12-03");
    await endWorker(a.officer, y!.id, "mengundurkan_diri", "2026-10-31");
    await endWorker(a.officer, z!.id, "meninggal", "2026-11-28");
    await expect(endWorker(a.officer, x!.id, "meninggal", "2026-08-19")).rejects.toThrow("Tanggal berakhir tidak boleh sebelum");

    const r1Months = [
      { month: "2026-08", active: 1 },
      { month: "2026-09", active: 3 },
      { month: "2026-10", active: 2 },
      { month: "2026-11", active: 1 },
    ];
    const r2Months = [
      { month: "2026-10", active: 1 },
      { month: "2026-11", active: 1 },
      { month: "2026-12", active: 1 },
    ];
    expect(await recount(a.regulationId)).toEqual(r1Months);
    expect(await recount(r2)).toEqual(r2Months);
    expect((await getRegulationFiguresForViewer(a.supervisor, a.regulationId)).workers.activeByMonth).toEqual(r1Months);
    expect((await getRegulationFiguresForViewer(a.supervisor, r2)).workers.activeByMonth).toEqual(r2Months);
    // The SQL twin over the spans agrees month by month.
    for (const m of [...r1Months, ...r2Months]) {
      const [n] =
        await sql`select count(*)::int as n from aktif_spans_in_month(${`${m.month}-01`}::date) where regency_code = ${GARUT} and regulation_id in (${a.regulationId}, ${r2})`;
      expect(n!.n).toBe([...r1Months, ...r2Months].filter((x) => x.month === m.month).reduce((s, x) => s + x.active, 0));
    }

    // The dashboard's committed budget: the same months × that month's tariff, recounted in SQL.
    const [expected] =
      await sql.unsafe(`select sum(c.n * (select t.jkk + t.jkm from tariffs t where t.effective_from <= c.m order by t.effective_from desc limit 1))::int as rupiah
      from (select m, count(*) as n from generate_series('2026-01-01'::date, '2026-12-01'::date, interval '1 month') m
              join (${AKTIF_SPANS_FROM_HISTORY}) s on s.starts_on < m + interval '1 month' and (s.ends_on is null or s.ends_on >= m)
             where s.regency_code = '${GARUT}' group by m) c`);
    const [area] = await listAreaFiguresForViewer(a.supervisor, { fiscalYear: 2026, funder: null, regencyCode: GARUT });
    expect(area!.committed).toBe(expected!.rupiah);
    expect(area!.committed).toBe((1 + 3 + 3 + 2 + 1) * 16_800);
    // The ending counts in the month it took effect: at the end of November the died worker is no longer aktif.
    const [nov] =
      await sql`select coalesce(sum(delta), 0)::int as n from agg_monthly where regency_code = ${GARUT} and status = 'berakhir' and month <= '2026-11-01'`;
    expect(nov!.n).toBe(2);
  });
});
