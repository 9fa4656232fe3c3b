import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { Sql } from "../connection";

const require = createRequire(import.meta.url);

function areaDataDir() {
  const pkg = require.resolve("idn-area-data/package.json");
  return { dir: path.join(path.dirname(pkg), "data"), version: (require(pkg) as { version: string }).version };
}

// Columns of each CSV in idn-area-data, and the table they load into.
const LEVELS = [
  { file: "provinces.csv", table: "provinces", columns: ["code", "name"], parent: null },
  { file: "regencies.csv", table: "regencies", columns: ["code", "province_code", "name"], parent: "province_code" },
  { file: "districts.csv", table: "districts", columns: ["code", "regency_code", "name"], parent: "regency_code" },
  { file: "villages.csv", table: "villages", columns: ["code", "district_code", "name"], parent: "district_code" },
] as const;

/**
 * Loads every province, kabupaten/kota, kecamatan and kelurahan/desa from idn-area-data with
 * COPY into a temporary table, then upserts. Idempotent; skips the work when the same data
 * version is already loaded. Data © idn-area-data contributors, ODbL.
 */
export async function seedAreas(sql: Sql, { force = false } = {}) {
  const { dir, version } = areaDataDir();
  const [loaded] = await sql<{ version: string }[]>`select version from reference_data_sources where name = 'idn-area-data'`;
  if (loaded?.version === version && !force) return { version, skipped: true };

  await sql.begin(async (tx) => {
    for (const level of LEVELS) {
      const cols = level.columns.join(", ");
      await tx.unsafe(`create temp table staging_${level.table} (${level.columns.map((c) => `${c} text`).join(", ")}) on commit drop`);
      const writable = await tx.unsafe(`copy staging_${level.table} (${cols}) from stdin with (format csv, header true)`).writable();
      await pipeline(fs.createReadStream(path.join(dir, level.file)), writable);
      const updates = level.columns
        .filter((c) => c !== "code")
        .map((c) => `${c} = excluded.${c}`)
        .join(", ");
      await tx.unsafe(
        `insert into ${level.table} (${cols}) select ${cols} from staging_${level.table}
         on conflict (code) do update set ${updates}
         where (${level.columns.map((c) => `${level.table}.${c}`).join(", ")}) is distinct from (${level.columns.map((c) => `excluded.${c}`).join(", ")})`,
      );
    }
    const [{ n }] = (await tx`select count(*)::int as n from villages`) as unknown as [{ n: number }];
    await tx`insert into reference_data_sources (name, version, row_count, loaded_at)
             values ('idn-area-data', ${version}, ${n}, now())
             on conflict (name) do update set version = excluded.version, row_count = excluded.row_count, loaded_at = now()`;
  });
  return { version, skipped: false };
}

// Illustrative split of Banten between branches (see README): a branch serves kecamatan, and
// a city can be split between several branches.
const BANTEN_BRANCHES: { name: string; kind: "kantor_cabang"; districts: { regency: string; names?: string[] } }[] = [
  {
    name: "Kantor Cabang Tangerang Cikokol",
    kind: "kantor_cabang",
    districts: { regency: "36.71", names: ["Tangerang", "Cipondoh", "Pinang", "Karang Tengah", "Ciledug", "Larangan"] },
  },
  { name: "Kantor Cabang Tangerang Cimone", kind: "kantor_cabang", districts: { regency: "36.71", names: ["Karawaci", "Cibodas", "Jatiuwung", "Periuk"] } },
  { name: "Kantor Cabang Tangerang Batuceper", kind: "kantor_cabang", districts: { regency: "36.71", names: ["Batuceper", "Benda", "Neglasari"] } },
  { name: "Kantor Cabang Kabupaten Tangerang", kind: "kantor_cabang", districts: { regency: "36.03" } },
];

/**
 * Seeds Kanwil Banten and its branches only when no office exists yet: after that, offices and
 * coverage are the admin's to maintain and a re-seed must not overwrite them.
 */
export async function seedOffices(sql: Sql) {
  const [{ n }] = (await sql`select count(*)::int as n from offices`) as unknown as [{ n: number }];
  if (n > 0) return { skipped: true };
  await sql.begin(async (tx) => {
    const [kanwil] = (await tx`insert into offices (kind, name, province_code)
      values ('kantor_wilayah', 'Kantor Wilayah Banten', '36') returning id`) as unknown as [{ id: number }];
    for (const b of BANTEN_BRANCHES) {
      const [office] = (await tx`insert into offices (kind, name, parent_id, province_code)
        values (${b.kind}, ${b.name}, ${kanwil.id}, '36') returning id`) as unknown as [{ id: number }];
      const names = b.districts.names ?? null;
      const inserted = await tx`insert into branch_coverage (district_code, office_id, office_kind)
        select code, ${office.id}, ${b.kind} from districts
        where regency_code = ${b.districts.regency} and (${names}::text[] is null or name = any(${names}::text[]))
        returning district_code`;
      if (names && inserted.length !== names.length) {
        throw new Error(`Kecamatan untuk ${b.name} tidak lengkap di data wilayah (${inserted.length}/${names.length})`);
      }
    }
  });
  return { skipped: false };
}

/**
 * Policy values as effective-dated rows: the BPU tariff for pemda-funded workers (JKK 1% of the
 * lowest income bracket Rp 1.000.000 = Rp 10.000, JKM Rp 6.800) and the default age rule
 * (18 up to 64 years 11 months). Idempotent: existing rows are left alone.
 */
const OCCUPATIONS: [string, "petani" | "nelayan" | "lainnya"][] = [
  ["Pedagang", "lainnya"],
  ["Sopir/pengemudi", "lainnya"],
  ["Ojek", "lainnya"],
  ["Tukang parkir", "lainnya"],
  ["Buruh harian lepas", "lainnya"],
  ["Buruh tani/petani", "petani"],
  ["Nelayan", "nelayan"],
  ["Pemulung", "lainnya"],
  ["Petugas kebersihan", "lainnya"],
  ["Marbot/guru ngaji", "lainnya"],
  ["Kader posyandu", "lainnya"],
  ["Ketua RT/RW", "lainnya"],
  ["Pelaku UMKM", "lainnya"],
  ["Lainnya", "lainnya"],
];

export async function seedPolicies(sql: Sql) {
  for (const [i, [name, sector]] of OCCUPATIONS.entries()) {
    await sql`insert into occupations (name, sector, sort_order) values (${name}, ${sector}, ${i}) on conflict (name) do nothing`;
  }
  await sql`insert into tariffs (effective_from, jkk, jkm, note)
    values ('2015-07-01', 10000, 6800, 'BPU: JKK 1% × Rp 1.000.000 + JKM Rp 6.800 (PP 44/2015)')
    on conflict (effective_from) do nothing`;
  await sql`insert into eligibility_policies (effective_from, min_age_months, max_age_months)
    values ('2015-07-01', ${18 * 12}, ${64 * 12 + 11})
    on conflict (effective_from) do nothing`;
}
