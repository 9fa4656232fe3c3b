import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres } from "../../scripts/embedded-db.mjs";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-launcher-"));
fs.chmodSync(dir, 0o755);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("embedded PostgreSQL launcher", () => {
  it("keeps data across restarts and recovers from a server orphaned by a killed launcher", async () => {
    const first = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), database: "keep" });
    const sql1 = postgres(first.url, { max: 1, onnotice: () => {} });
    await sql1`create table kept (v int)`;
    await sql1`insert into kept values (42)`;
    await sql1.end();

    // The launcher "dies" without stopping its server: the next start must clean it up.
    const second = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), database: "keep" });
    try {
      expect(alive(first.pid)).toBe(false);
      const sql2 = postgres(second.url, { max: 1, onnotice: () => {} });
      expect(await sql2`select v from kept`).toEqual([{ v: 42 }]);
      await sql2.end();
    } finally {
      await second.stop();
    }
    expect(alive(second.pid)).toBe(false);
  });
});
