// The test runs' guard against taking a second connection inside a transaction (db/connection.ts,
// guardSecondConnection): scripts/test.mjs fails a phase whose report is not empty, so the guard
// must record what deadlocks a full pool and nothing else.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { db, onOwnConnection } from "@/db/client";
import { connect } from "@/db/connection";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tx-guard-"));
const report = path.join(dir, "report.log");
const phaseReport = process.env.PORTAL_TX_GUARD;
// Set before connect(): the pool gets the guard.
process.env.PORTAL_TX_GUARD = report;
const pool = connect(inject("databaseUrl"), 3);
afterAll(async () => {
  process.env.PORTAL_TX_GUARD = phaseReport;
  await pool.sql.end();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => fs.rmSync(report, { force: true }));
const entries = () => (fs.existsSync(report) ? fs.readFileSync(report, "utf8").split("\n\n").filter(Boolean) : []);

describe("the second-connection guard", () => {
  it("records a query on the pool inside a transaction, with where the transaction began", async () => {
    const n = await pool.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      const [row] = await pool.sql`select 2 as n`;
      return row!.n as number;
    });
    expect(n).toBe(2);
    const found = entries();
    expect(found).toHaveLength(1);
    const [, begun] = found[0]!.split("Transaksinya dimulai di:");
    expect(begun).toContain("tx-guard.test.ts");
  });

  it("records db() taken inside a transaction at the line that took it", async () => {
    await pool.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await db().execute(sql`select 3`);
    });
    const taken = entries().map((e) => e.split("Transaksinya dimulai di:")[0]!);
    expect(taken.some((t) => t.includes("tx-guard.test.ts"))).toBe(true);
  });

  it("records nothing for the transaction's own queries, a savepoint, onOwnConnection, or queries after it", async () => {
    await pool.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await tx.transaction(async (sp) => {
        await sp.execute(sql`select 2`);
      });
      await onOwnConnection(() => pool.db.execute(sql`select 3`));
    });
    await pool.db.execute(sql`select 4`);
    await db().execute(sql`select 5`);
    expect(entries()).toEqual([]);
  });
});
