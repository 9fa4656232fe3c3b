import { connect } from "@/db/connection";
import { hashPassword } from "@/lib/auth/password";

/** A throwaway account straight in the database, for specs that must not disturb demo users. */
export async function createTestUser(email: string, password: string, regencyCode = "36.71") {
  const { sql } = connect(process.env.DATABASE_URL!, 1);
  try {
    await sql`insert into users (email, name, password_hash, role, regency_code)
      values (${email}, 'Pengguna Uji', ${await hashPassword(password)}, 'petugas', ${regencyCode})`;
  } finally {
    await sql.end();
  }
}

/** The id of the demo regulation of a kabupaten/kota with the given status. */
export async function regulationIdOf(regencyCode: string, status = "enacted"): Promise<number> {
  const { sql } = connect(process.env.DATABASE_URL!, 1);
  try {
    const [row] = await sql`select id from regulations where regency_code = ${regencyCode} and status = ${status} order by id limit 1`;
    if (!row) throw new Error(`no ${status} regulation in ${regencyCode}`);
    return row.id as number;
  } finally {
    await sql.end();
  }
}

/** An enacted regulation straight in the database, for specs that need a small quota. */
export async function createEnactedRegulation(regencyCode: string, quota: number): Promise<number> {
  const { sql } = connect(process.env.DATABASE_URL!, 1);
  try {
    const [row] =
      await sql`insert into regulations (regency_code, type, issuer, number, title, status, starts_on, quota, min_age_months, max_age_months, enacted_on)
      values (${regencyCode}, 'perwal', 'kabkota', ${`E2E ${Date.now()}`}, 'Perwal uji daftar tunggu', 'enacted', '2026-01-01', ${quota}, 216, 779, '2026-01-01') returning id`;
    return row!.id as number;
  } finally {
    await sql.end();
  }
}

/** A live worker of an area (for specs that need one to point at). */
export async function liveWorkerOf(regencyCode: string): Promise<number> {
  const { sql } = connect(process.env.DATABASE_URL!, 1);
  try {
    const [row] = await sql`select id from workers where regency_code = ${regencyCode} and status in ('diajukan', 'aktif') order by id limit 1`;
    return row!.id as number;
  } finally {
    await sql.end();
  }
}

let serial = 0;
/** A NIK no demo worker has: day 31 (demo days stop at 28), unique within the run. */
export function freshNik(district = "367101"): string {
  serial++;
  return `${district}311299${String(((Date.now() + serial) % 9000) + 1000)}`;
}

/** One number from the database (a count the dashboards must agree with). */
export async function sqlNumber(query: string): Promise<number> {
  const { sql } = connect(process.env.DATABASE_URL!, 1);
  try {
    return Number((await sql.unsafe(query))[0]!.n);
  } finally {
    await sql.end();
  }
}

/**
 * Test accounts of roles that must use a second factor get an authenticator as the demo accounts
 * do (a sealed secret), so the login page's demo aid offers their code.
 */
export async function enrolMfa(emails: string[]) {
  const { seal } = await import("@/lib/auth/seal");
  const { newTotpSecret } = await import("@/lib/auth/totp");
  const { sql } = connect(process.env.DATABASE_URL!, 1);
  try {
    for (const email of emails) {
      await sql`update users set totp_secret = ${seal(newTotpSecret())}, totp_enabled_at = now()
        where lower(email) = ${email.toLowerCase()} and totp_secret is null`;
    }
  } finally {
    await sql.end();
  }
}
