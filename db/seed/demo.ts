import { hashPassword } from "@/lib/auth/password";
import { seal } from "@/lib/auth/seal";
import { newTotpSecret } from "@/lib/auth/totp";
import { MFA_REQUIRED_ROLES, type Role } from "@/lib/authz/roles";
import type { Sql } from "../connection";
import { wibDay as wibDayOf } from "@/lib/domain/wib";

export const DEMO_PASSWORD = "rentan-demo-2026";

type DemoUser = { email: string; name: string; role: string; regency?: string; office?: string };

export const DEMO_USERS: DemoUser[] = [
  { email: "admin@portal.test", name: "Admin Portal", role: "admin" },
  { email: "petugas.kotatangerang@portal.test", name: "Siti Rahmawati", role: "petugas", regency: "36.71" },
  { email: "supervisor.kotatangerang@portal.test", name: "Bambang Sutrisno", role: "supervisor", regency: "36.71" },
  { email: "petugas.kabtangerang@portal.test", name: "Dewi Lestari", role: "petugas", regency: "36.03" },
  { email: "supervisor.kabtangerang@portal.test", name: "Agus Setiawan", role: "supervisor", regency: "36.03" },
  { email: "kacab.cikokol@portal.test", name: "Hendra Gunawan", role: "kepala_cabang", office: "Kantor Cabang Tangerang Cikokol" },
  { email: "kacab.kabtangerang@portal.test", name: "Yusuf Maulana", role: "kepala_cabang", office: "Kantor Cabang Kabupaten Tangerang" },
  { email: "kakanwil.banten@portal.test", name: "Ratna Wijaya", role: "kepala_wilayah", office: "Kantor Wilayah Banten" },
];

/**
 * Demo accounts: only for the embedded demo database, or when explicitly asked for. The roles
 * that must use a second factor come with an authenticator already set up (a secret of their
 * own, sealed like any other); the login page offers its current code in demo mode only.
 */
export async function seedDemo(sql: Sql) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const totp = MFA_REQUIRED_ROLES.includes(u.role as Role) ? seal(newTotpSecret()) : null;
    await sql`insert into users (email, name, password_hash, role, regency_code, office_id, totp_secret, totp_enabled_at)
      values (${u.email}, ${u.name}, ${passwordHash}, ${u.role},
              ${u.regency ?? null}, (select id from offices where name = ${u.office ?? null}), ${totp}, case when ${totp}::text is null then null else now() end)
      on conflict ((lower(email))) do update set totp_secret = excluded.totp_secret, totp_enabled_at = excluded.totp_enabled_at
        where users.totp_secret is null and excluded.totp_secret is not null`;
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
    const [kota] =
      (await tx`insert into regulations (regency_code, type, issuer, number, title, status, starts_on, quota, min_age_months, max_age_months, enacted_on, notes)
      values ('36.71', 'perwal', 'kabkota', ${`Perwal Kota Tangerang No. 7 Tahun ${year} (demo)`},
        'Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan', 'enacted', ${`${year}-01-01`}, 20000, ${age.min}, ${age.max}, ${`${year - 1}-12-15`},
        'Data demo.') returning id`) as unknown as [{ id: number }];
    await tx`insert into regulation_budgets (regulation_id, fiscal_year, allocated, months_covered, assumed_monthly_rate)
      values (${kota.id}, ${year}, ${16800 * 12 * 20000}, 12, 16800)`;
    const [kab] =
      (await tx`insert into regulations (regency_code, type, issuer, number, title, status, starts_on, quota, min_age_months, max_age_months, enacted_on, notes)
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

/**
 * About 2,000 synthetic workers (clearly fake names "Contoh Pekerja 0001", structurally valid
 * NIKs) over the kecamatan of Kota Tangerang, Kabupaten Tangerang and Kota Tangerang Selatan,
 * across statuses and the last 12 months, with quota counters that match. Skipped when any
 * worker exists.
 */
export async function seedDemoWorkers(sql: Sql, today: string, count = 2000) {
  const [{ n }] = (await sql`select count(*)::int as n from workers`) as unknown as [{ n: number }];
  if (n > 0) return;
  const villages = (await sql`select v.code, v.district_code, d.regency_code from villages v join districts d on d.code = v.district_code
    where d.regency_code in ('36.71', '36.03', '36.74') order by v.code`) as unknown as { code: string; district_code: string; regency_code: string }[];
  const regs = (await sql`select id, regency_code from regulations where status = 'enacted' and regency_code in ('36.71', '36.03')`) as unknown as {
    id: number;
    regency_code: string;
  }[];
  const regOf = new Map(regs.map((r) => [r.regency_code, r.id]));
  const occupations = (await sql`select id from occupations order by sort_order`) as unknown as { id: number }[];
  const byRegency = (code: string) => villages.filter((v) => v.regency_code === code);
  const pools = { "36.71": byRegency("36.71"), "36.03": byRegency("36.03"), "36.74": byRegency("36.74") };
  const holderStatuses = ["aktif", "aktif", "aktif", "aktif", "diverifikasi", "diajukan", "diajukan", "draft", "ditolak", "berakhir"] as const;
  const todayMs = new Date(`${today}T05:00:00Z`).getTime();
  const rows: Record<string, string | number | null>[] = [];
  for (let i = 0; i < count; i++) {
    const regency = i % 10 === 9 ? "36.74" : i % 3 === 0 ? "36.03" : "36.71";
    const pool = pools[regency];
    const v = pool[(i * 37) % pool.length]!;
    const female = i % 2 === 1;
    const year = 1963 + ((i * 7) % 43);
    const month = 1 + (i % 12);
    const day = 1 + (i % 28);
    const nik = `${v.district_code.replace(/\./g, "")}${String(day + (female ? 40 : 0)).padStart(2, "0")}${String(month).padStart(2, "0")}${String(year % 100).padStart(2, "0")}${String(i + 1).padStart(4, "0")}`;
    // Kota Tangerang Selatan has no regulation in force yet: its submitted workers wait.
    const status = regency === "36.74" ? (i % 20 === 19 ? "draft" : "daftar_tunggu") : holderStatuses[i % holderStatuses.length]!;
    const holds = status === "aktif" || status === "diverifikasi" || status === "diajukan";
    const submittedAt = new Date(todayMs - ((i * 11) % 365) * 86_400_000);
    rows.push({
      nik,
      name: `Contoh Pekerja ${String(i + 1).padStart(4, "0")}`,
      birth_date: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
      sex: female ? "P" : "L",
      address: `Jl. Contoh No. ${1 + (i % 120)}`,
      regency_code: regency,
      district_code: v.district_code,
      village_code: v.code,
      phone: "",
      occupation_id: occupations[i % occupations.length]!.id,
      income: 1000000,
      source: i % 4 === 0 ? "survei_lapangan" : "dtks_desil_1_2",
      status,
      regulation_id: holds ? regOf.get(regency)! : null,
      submitted_at: status === "draft" ? null : submittedAt.toISOString(),
      kpj_number: status === "aktif" ? `9${String(26000000 + i)}` : null,
      // Two weeks after submission, never after today (a coverage start in the future is no fact yet).
      coverage_start: status === "aktif" ? [new Date(submittedAt.getTime() + 14 * 86_400_000).toISOString().slice(0, 10), today].sort()[0]! : null,
      end_reason: status === "berakhir" ? "mengundurkan_diri" : null,
      ended_on: status === "berakhir" ? wibDayOf(submittedAt) : null,
      rejection_reason: status === "ditolak" ? "Foto KTP tidak terbaca (data demo)" : null,
      created_at: submittedAt.toISOString(),
    });
  }
  // One statement per WIB day of submission, with the database clock set to that day, so the
  // dashboard aggregates (kept by triggers) and the history carry the demo's back-dated months.
  const byDay = new Map<string, typeof rows>();
  for (const r of rows) {
    const day = String(r.created_at);
    byDay.set(day, [...(byDay.get(day) ?? []), r]);
  }
  await sql.begin(async (tx) => {
    for (const [at, group] of byDay) {
      await tx`select set_config('portal.as_of', ${at}, true)`;
      const inserted =
        (await tx`insert into workers ${tx(group)} returning id, nik, sex, status, regulation_id, coalesce(coverage_start, ended_on, portal_today())::text as effective_on`) as unknown as {
          id: number;
          nik: string;
          sex: string;
          status: string;
          regulation_id: number | null;
          effective_on: string;
        }[];
      await tx`insert into worker_events ${tx(inserted.map((w) => ({ worker_id: w.id, to_status: w.status, regulation_id: w.regulation_id, reason: "Data demo", effective_on: w.effective_on })))}`;
      // A spouse for everyone; every third also a child (the list on the worker page).
      await tx`insert into worker_heirs ${tx(
        inserted.flatMap((w) => [
          { worker_id: w.id, name: `Ahli Waris Contoh ${Number(w.nik.slice(12))}`, relationship: w.sex === "P" ? "suami" : "istri" },
          ...(w.id % 3 === 0 ? [{ worker_id: w.id, name: `Anak Contoh ${Number(w.nik.slice(12))}`, relationship: "anak" }] : []),
        ]),
      )}`;
    }
    await tx`select set_config('portal.as_of', '', true)`;
    await tx`update regulations r set counted = (select count(*) from workers w where w.regulation_id = r.id)`;
  });
}
