import { hashPassword } from "@/lib/auth/password";
import type { Sql } from "../connection";

export const DEMO_PASSWORD = "rentan-demo-2026";

type DemoUser = { email: string; name: string; role: string; regency?: string; office?: string };

export const DEMO_USERS: DemoUser[] = [
  { email: "admin@portal.test", name: "Admin Portal", role: "admin" },
  { email: "petugas.kotatangerang@portal.test", name: "Siti Rahmawati", role: "petugas", regency: "36.71" },
  { email: "supervisor.kotatangerang@portal.test", name: "Bambang Sutrisno", role: "supervisor", regency: "36.71" },
  { email: "petugas.kabtangerang@portal.test", name: "Dewi Lestari", role: "petugas", regency: "36.03" },
  { email: "supervisor.kabtangerang@portal.test", name: "Agus Setiawan", role: "supervisor", regency: "36.03" },
  { email: "kacab.cikokol@portal.test", name: "Hendra Gunawan", role: "kepala_cabang", office: "Kantor Cabang Tangerang Cikokol" },
  { email: "kakanwil.banten@portal.test", name: "Ratna Wijaya", role: "kepala_wilayah", office: "Kantor Wilayah Banten" },
];

/** Demo accounts: only for the embedded demo database, or when explicitly asked for. */
export async function seedDemo(sql: Sql) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    await sql`insert into users (email, name, password_hash, role, regency_code, office_id)
      values (${u.email}, ${u.name}, ${passwordHash}, ${u.role},
              ${u.regency ?? null}, (select id from offices where name = ${u.office ?? null}))
      on conflict ((lower(email))) do nothing`;
  }
}

/**
 * Demo regulations so every screen has something real: Kota Tangerang's enacted Perwal (quota
 * 20.000, budget Rp 16.800 × 12 × 20.000 for the current fiscal year), Kabupaten Tangerang's
 * enacted Perbup (quota 200.000) with a draft amendment, and Kota Tangerang Selatan's Perwal in
 * review. Numbers and titles are illustrative. Skipped when any regulation exists.
 */
export async function seedDemoRegulations(sql: Sql, today: string) {
  const [{ n }] = (await sql`select count(*)::int as n from regulations`) as unknown as [{ n: number }];
  if (n > 0) return;
  const year = Number(today.slice(0, 4));
  const age = { min: 18 * 12, max: 64 * 12 + 11 };
  await sql.begin(async (tx) => {
    const [kota] = (await tx`insert into regulations (regency_code, type, issuer, number, title, status, starts_on, quota, min_age_months, max_age_months, enacted_on, notes)
      values ('36.71', 'perwal', 'kabkota', ${`Perwal Kota Tangerang No. 7 Tahun ${year} (demo)`},
        'Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan', 'enacted', ${`${year}-01-01`}, 20000, ${age.min}, ${age.max}, ${`${year - 1}-12-15`},
        'Data demo.') returning id`) as unknown as [{ id: number }];
    await tx`insert into regulation_budgets (regulation_id, fiscal_year, allocated, months_covered, assumed_monthly_rate)
      values (${kota.id}, ${year}, ${16800 * 12 * 20000}, 12, 16800)`;
    const [kab] = (await tx`insert into regulations (regency_code, type, issuer, number, title, status, starts_on, quota, min_age_months, max_age_months, enacted_on, notes)
      values ('36.03', 'perbup', 'kabkota', ${`Perbup Tangerang No. 15 Tahun ${year} (demo)`},
        'Penyelenggaraan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan', 'enacted', ${`${year}-01-01`}, 200000, ${age.min}, ${age.max}, ${`${year - 1}-12-20`},
        'Data demo. Kuota naik dari 50.000 menjadi sekitar 200.000.') returning id`) as unknown as [{ id: number }];
    await tx`insert into regulation_budgets (regulation_id, fiscal_year, allocated, months_covered, assumed_monthly_rate)
      values (${kab.id}, ${year}, ${17000 * 12 * 200000}, 12, 17000)`;
    await tx`insert into regulation_amendments (regulation_id, title, status, new_quota)
      values (${kab.id}, 'Perubahan kuota pekerja rentan (draf)', 'draft', 220000)`;
    await tx`insert into regulations (regency_code, type, issuer, title, status, starts_on, quota, min_age_months, max_age_months, notes)
      values ('36.74', 'perwal', 'kabkota', 'Perlindungan Pekerja Rentan Kota Tangerang Selatan', 'review', ${`${year + 1}-01-01`}, 10000, ${age.min}, ${age.max},
        'Data demo: sedang harmonisasi.')`;
  });
}
