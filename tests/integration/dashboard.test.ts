// Dashboard figures come from the aggregates; here they must equal a count over the workers
// table, per role and scope, and move by exactly one when a worker registers.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "@/db/connection";
import type { Viewer } from "@/lib/authz/viewer";
import {
  getAreaBreakdownsForViewer,
  getBranchQueueStatsForViewer,
  listAreaFiguresForViewer,
  listBranchAreasForViewer,
  listDistrictFiguresForViewer,
  listWeeklyEntriesForViewer,
} from "@/lib/data/dashboard";
import { registerWorker } from "@/lib/data/workers";
import { firstVillageOf } from "../support/areas";
import { viewerFor } from "../support/viewers";
import { claimNikNamespace, workerInput } from "../support/workers";

claimNikNamespace(4);

const FY = { fiscalYear: 2026, funder: null };
let officer: Viewer, kanwil: Viewer, kacab: Viewer, admin: Viewer;

async function scalar(query: string): Promise<number> {
  const { sql } = connect(inject("databaseUrl"), 1);
  try {
    return Number((await sql.unsafe(query))[0]!.n);
  } finally {
    await sql.end();
  }
}
const count = (where: string) => scalar(`select count(*)::int as n from workers where ${where}`);
// Other test files amend the demo regulations: the quota in force is read, not assumed.
const quotaOf = (regency: string) =>
  scalar(
    `select coalesce(sum(quota), 0)::int as n from regulations where regency_code = '${regency}' and status = 'enacted' and starts_on <= '2026-11-24' and (ends_on is null or ends_on >= '2026-11-24')`,
  );
const HOLDS = "status in ('diajukan', 'diverifikasi', 'aktif')";
const CIKOKOL =
  "district_code in (select district_code from branch_coverage bc join offices o on o.id = bc.office_id where o.name = 'Kantor Cabang Tangerang Cikokol')";

beforeAll(async () => {
  officer = await viewerFor("petugas.kotatangerang@portal.test");
  kanwil = await viewerFor("kakanwil.banten@portal.test");
  kacab = await viewerFor("kacab.cikokol@portal.test");
  admin = await viewerFor("admin@portal.test");
});

describe("dashboards", () => {
  it("an officer's area figures equal a count of its workers, and move by one with a registration", async () => {
    const before = await listAreaFiguresForViewer(officer, FY);
    expect(before.map((a) => a.code)).toEqual(["36.71"]);
    const [kota] = before;
    expect(kota).toMatchObject({
      counted: await count(`regency_code = '36.71' and ${HOLDS}`),
      aktif: await count(`regency_code = '36.71' and status = 'aktif'`),
      waiting: await count(`regency_code = '36.71' and status = 'daftar_tunggu'`),
      quota: await quotaOf("36.71"),
    });
    const weekBefore = (await listWeeklyEntriesForViewer(officer, "diajukan", "36.71")).at(-1)!.n;
    await registerWorker(officer, workerInput({ districtCode: "36.71.01", villageCode: await firstVillageOf("36.71.01") }));
    const [after] = await listAreaFiguresForViewer(officer, FY);
    expect(after!.counted).toBe(kota!.counted + 1);
    expect(after!.change30).toBe(kota!.change30 + 1);
    expect((await listWeeklyEntriesForViewer(officer, "diajukan", "36.71")).at(-1)!.n).toBe(weekBefore + 1);
    const b = await getAreaBreakdownsForViewer(officer, "36.71", FY);
    for (const list of [b.occupation, b.sector, b.sex, b.ageBand]) expect(list.reduce((t, x) => t + x.n, 0)).toBe(after!.counted);
  });

  it("the Kanwil sees every area of its province, those without a regulation too", async () => {
    const areas = await listAreaFiguresForViewer(kanwil, FY);
    expect(areas).toHaveLength(8);
    const tangsel = areas.find((a) => a.code === "36.74")!;
    expect(tangsel).toMatchObject({ regulations: 0, quota: 0, waiting: await count(`regency_code = '36.74' and status = 'daftar_tunggu'`), forecast: null });
    expect(tangsel.waiting).toBeGreaterThan(0);
    expect(areas.reduce((t, a) => t + a.counted, 0)).toBe(await count(`regency_code like '36.%' and ${HOLDS}`));
    // Admin picks a province; another province's areas are its own.
    expect((await listAreaFiguresForViewer(admin, { ...FY, provinceCode: "32" })).every((a) => a.code.startsWith("32."))).toBe(true);
  });

  it("a branch head's figures cover only the kecamatan its branch serves", async () => {
    const districts = await listDistrictFiguresForViewer(kacab, null, FY);
    expect(districts.map((d) => d.name).sort()).toEqual(["Cipondoh", "Ciledug", "Karang Tengah", "Larangan", "Pinang", "Tangerang"].sort());
    expect(districts.reduce((t, d) => t + d.counted, 0)).toBe(await count(`${CIKOKOL} and ${HOLDS}`));
    expect(districts.reduce((t, d) => t + d.waiting, 0)).toBe(await count(`${CIKOKOL} and status = 'daftar_tunggu'`));
    expect(await listBranchAreasForViewer(kacab)).toMatchObject([{ code: "36.71", name: "Kota Tangerang", quota: await quotaOf("36.71") }]);
    const q = await getBranchQueueStatsForViewer(kacab);
    expect(q.diajukan).toBe(await count(`${CIKOKOL} and status = 'diajukan'`));
    // The oldest wait in WIB calendar days, never below 0, recounted in SQL.
    const oldest = await scalar(`select greatest(0, portal_today() - (min(submitted_at) at time zone 'Asia/Jakarta')::date)::int as n from workers
      where ${CIKOKOL} and status = 'diajukan' and submitted_at is not null`);
    expect(q.oldestDays).toBe(oldest);
  });
});
