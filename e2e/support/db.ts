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
