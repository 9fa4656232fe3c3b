import { inject, describe, expect, it } from "vitest";
import { connect } from "@/db/connection";
import { seedDemo } from "@/db/seed/demo";
import { seedAreas, seedOffices } from "@/db/seed/reference";

async function snapshot(sql: ReturnType<typeof connect>["sql"]) {
  const [row] = await sql`select
    (select count(*)::int from provinces) as provinces,
    (select count(*)::int from regencies) as regencies,
    (select count(*)::int from districts) as districts,
    (select count(*)::int from villages) as villages,
    (select md5(string_agg(code || name, ',' order by code)) from villages) as villages_hash,
    (select count(*)::int from offices) as offices,
    (select count(*)::int from branch_coverage) as coverage,
    (select count(*)::int from users) as users,
    (select count(*)::int from workers) as workers`;
  return row;
}

describe("seed", () => {
  it("loads all of Indonesia's areas and is idempotent", async () => {
    const { sql } = connect(inject("databaseUrl"), 2);
    try {
      const before = await snapshot(sql);
      expect(before).toMatchObject({ provinces: 38, regencies: 514, districts: 7285, villages: 83762 });
      // Force the full reload path twice, then the offices and demo seeds again.
      await seedAreas(sql, { force: true });
      await seedAreas(sql, { force: true });
      await seedOffices(sql);
      await seedDemo(sql);
      expect(await snapshot(sql)).toEqual(before);
      const [source] = await sql`select version, row_count from reference_data_sources where name = 'idn-area-data'`;
      expect(source).toEqual({ version: "4.0.1", row_count: 83762 });
    } finally {
      await sql.end();
    }
  });

  it("seeds the illustrative split of Kota Tangerang between three branches", async () => {
    const { sql } = connect(inject("databaseUrl"), 1);
    try {
      const rows = await sql`select o.name, string_agg(d.name, ', ' order by d.name) as districts
        from branch_coverage bc join offices o on o.id = bc.office_id join districts d on d.code = bc.district_code
        where d.regency_code = '36.71' group by o.name order by o.name`;
      expect(rows).toEqual([
        { name: "Kantor Cabang Tangerang Batuceper", districts: "Batuceper, Benda, Neglasari" },
        { name: "Kantor Cabang Tangerang Cikokol", districts: "Ciledug, Cipondoh, Karang Tengah, Larangan, Pinang, Tangerang" },
        { name: "Kantor Cabang Tangerang Cimone", districts: "Cibodas, Jatiuwung, Karawaci, Periuk" },
      ]);
      const [kab] = await sql`select count(*)::int as n from branch_coverage bc join offices o on o.id = bc.office_id
        where o.name = 'Kantor Cabang Kabupaten Tangerang'`;
      const [all] = await sql`select count(*)::int as n from districts where regency_code = '36.03'`;
      expect(kab!.n).toBe(all!.n);
    } finally {
      await sql.end();
    }
  });
});

describe("demo workers", () => {
  it("are about 2,000, with quota counters equal to a recount and a waiting list only where no regulation is in force", async () => {
    const { sql } = connect(inject("databaseUrl"), 1);
    try {
      const [row] = await sql`select
        (select count(*)::int from workers where name like 'Contoh Pekerja %') as demo,
        (select count(*)::int from regulations r where r.notes like 'Data demo%' and r.counted <> (select count(*) from workers w where w.regulation_id = r.id)) as mismatched,
        (select array_agg(distinct regency_code) from workers where status = 'daftar_tunggu' and name like 'Contoh Pekerja %') as waiting_areas,
        (select count(distinct status)::int from workers where name like 'Contoh Pekerja %') as statuses`;
      expect(row).toMatchObject({ demo: 2000, mismatched: 0, waiting_areas: ["36.74"] });
      expect(row!.statuses).toBeGreaterThanOrEqual(6);
    } finally {
      await sql.end();
    }
  });
});
