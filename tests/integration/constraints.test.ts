import { inject, describe, expect, it } from "vitest";
import { connect } from "@/db/connection";

// Invariants the database holds by itself, whatever the application does.
describe("database constraints", () => {
  it("lets a kecamatan belong to at most one branch, and only to a branch", async () => {
    const { sql } = connect(inject("databaseUrl"), 1);
    try {
      const [cimone] = await sql`select id from offices where name = 'Kantor Cabang Tangerang Cimone'`;
      await expect(sql`insert into branch_coverage (district_code, office_id) values ('36.71.01', ${cimone!.id})`).rejects.toMatchObject({ code: "23505" });
      const [kanwil] = await sql`select id from offices where kind = 'kantor_wilayah'`;
      await expect(
        sql`insert into branch_coverage (district_code, office_id, office_kind) values ('36.01.01', ${kanwil!.id}, 'kantor_wilayah')`,
      ).rejects.toMatchObject({ code: "23514" });
      await expect(
        sql`insert into branch_coverage (district_code, office_id, office_kind) values ('36.01.01', ${kanwil!.id}, 'kantor_cabang')`,
      ).rejects.toMatchObject({ code: "23503" });
    } finally {
      await sql.end();
    }
  });

  it("binds each role to the right kind of scope and keeps emails unique regardless of case", async () => {
    const { sql } = connect(inject("databaseUrl"), 1);
    try {
      await expect(sql`insert into users (email, name, password_hash, role) values ('x1@portal.test', 'X', 'h', 'petugas')`).rejects.toMatchObject({
        code: "23514",
      });
      await expect(
        sql`insert into users (email, name, password_hash, role, regency_code) values ('x2@portal.test', 'X', 'h', 'admin', '36.71')`,
      ).rejects.toMatchObject({ code: "23514" });
      await expect(sql`insert into users (email, name, password_hash, role) values ('ADMIN@portal.test', 'X', 'h', 'admin')`).rejects.toMatchObject({
        code: "23505",
      });
    } finally {
      await sql.end();
    }
  });
});

describe("the record of processing", () => {
  it("is append-only over the app's own connection: update, delete and truncate all fail", async () => {
    const { sql } = connect(inject("databaseUrl"), 1);
    try {
      await sql`insert into audit_log (action, entity_type, entity_id) values ('test.append', 'test', '1')`;
      await expect(sql`update audit_log set action = 'x'`).rejects.toThrow(/permission denied|append-only/);
      await expect(sql`delete from audit_log`).rejects.toThrow(/permission denied|append-only/);
      await expect(sql`truncate audit_log`).rejects.toThrow(/permission denied|append-only/);
      await expect(sql`delete from worker_events`).rejects.toThrow(/permission denied|append-only/);
      await expect(sql`alter table audit_log disable trigger audit_log_no_update`).rejects.toThrow(/must be owner|permission denied/);
    } finally {
      await sql.end();
    }
  });

  it("holds even for the schema owner, through triggers", async () => {
    const { sql } = connect(inject("ownerUrl"), 1);
    try {
      await expect(sql`update audit_log set action = 'x'`).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log`).rejects.toThrow(/append-only/);
      // Refused by the trigger, or first by export_items' foreign key (which names audit rows).
      await expect(sql`truncate audit_log`).rejects.toThrow(/append-only|referenced in a foreign key/);
    } finally {
      await sql.end();
    }
  });
});
