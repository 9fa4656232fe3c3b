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
