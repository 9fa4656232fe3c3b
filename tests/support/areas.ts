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

/** A branch serving every kecamatan of an area that no branch serves yet, with its head. */
export async function createBranchHead(email: string, regencyCode: string) {
  const { sql } = connect(inject("databaseUrl"), 1);
  try {
    const [kanwil] = await sql`select id from offices where kind = 'kantor_wilayah' and province_code = ${regencyCode.slice(0, 2)}`;
    const [office] =
      await sql`insert into offices (kind, name, parent_id, province_code) values ('kantor_cabang', ${`KC Uji ${regencyCode}`}, ${kanwil!.id}, ${regencyCode.slice(0, 2)})
      on conflict (name) do update set name = excluded.name returning id`;
    await sql`insert into branch_coverage (district_code, office_id) select code, ${office!.id} from districts where regency_code = ${regencyCode} on conflict do nothing`;
    await sql`insert into users (email, name, password_hash, role, office_id) values (${email}, ${email}, ${await hashPassword("x-unused-password")}, 'kepala_cabang', ${office!.id})
      on conflict ((lower(email))) do nothing`;
  } finally {
    await sql.end();
  }
}
