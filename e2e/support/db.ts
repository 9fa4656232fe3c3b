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
