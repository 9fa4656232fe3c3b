import { connect } from "@/db/connection";
import { hashPassword } from "@/lib/auth/password";
import { inject } from "vitest";

/** A pemda user of an area, created directly (for tests that need an area without demo data). */
export async function createAreaUser(email: string, role: "petugas" | "supervisor", regencyCode: string) {
  const { sql } = connect(inject("databaseUrl"), 1);
  try {
    await sql`insert into users (email, name, password_hash, role, regency_code) values (${email}, ${email}, ${await hashPassword("x-unused-password")}, ${role}, ${regencyCode})
      on conflict ((lower(email))) do nothing`;
  } finally {
    await sql.end();
  }
}

export async function firstVillageOf(districtCode: string): Promise<string> {
  const { sql } = connect(inject("databaseUrl"), 1);
  try {
    const [row] = await sql`select code from villages where district_code = ${districtCode} order by code limit 1`;
    return row!.code as string;
  } finally {
    await sql.end();
  }
}
