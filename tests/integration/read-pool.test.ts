// The read pool (issue 16, item 2): dashboards read a replica only while its data is within the lag
// bound, measured from the primary's heartbeat as replayed there; otherwise the primary. Here the
// "replica" is a second pool on the same server, its lag set by moving the heartbeat.
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { connect, isPooledUrl } from "@/db/connection";
import { createReader } from "@/db/reader";
import { beatHeartbeat } from "@/lib/data/jobs/heartbeat";

const url = inject("databaseUrl");
const primary = connect(url, 2);
const replica = connect(url, 2);
const gone = connect(url.replace(/:(\d+)\//, ":1/"), 1);
afterAll(async () => {
  await Promise.all([primary.sql.end(), replica.sql.end(), gone.sql.end({ timeout: 1 })]);
});
const setHeartbeatAgo = (seconds: number) =>
  primary.sql`insert into portal_heartbeat (id, at) values (1, now() - make_interval(secs => ${seconds}))
    on conflict (id) do update set at = excluded.at`;

describe("the read pool", () => {
  it("reads the replica while its lag is within the bound, the primary beyond it, and the replica again once it catches up", async () => {
    const r = createReader({ primary: () => primary.db, replica: () => replica.db, maxLagSeconds: 10, checkEveryMs: 0 });
    await setHeartbeatAgo(2);
    expect(await r.reader()).toBe(replica.db);
    expect(r.state().source).toBe("replica");
    expect(r.state().lagSeconds).toBeGreaterThanOrEqual(2);
    await setHeartbeatAgo(60);
    expect(await r.reader()).toBe(primary.db);
    expect(r.state()).toMatchObject({ source: "primary" });
    expect(r.state().lagSeconds).toBeGreaterThanOrEqual(60);
    // The worker's sweep beats: caught up.
    await beatHeartbeat();
    expect(await r.reader()).toBe(replica.db);
  });

  it("measures at most once per interval, and treats a replica it cannot reach or without a heartbeat as too late", async () => {
    const r = createReader({ primary: () => primary.db, replica: () => replica.db, maxLagSeconds: 10, checkEveryMs: 60_000 });
    await setHeartbeatAgo(0);
    expect(await r.reader()).toBe(replica.db);
    await setHeartbeatAgo(60);
    expect(await r.reader()).toBe(replica.db); // not measured again within the minute
    const down = createReader({ primary: () => primary.db, replica: () => gone.db, maxLagSeconds: 10, checkEveryMs: 0 });
    expect(await down.reader()).toBe(primary.db);
    expect(down.state()).toEqual({ source: "primary", lagSeconds: null });
    await primary.sql`delete from portal_heartbeat`;
    const none = createReader({ primary: () => primary.db, replica: () => replica.db, maxLagSeconds: 10, checkEveryMs: 0 });
    expect(await none.reader()).toBe(primary.db);
    await beatHeartbeat();
  });

  it("without a replica is the primary", async () => {
    const r = createReader({ primary: () => primary.db, replica: null, maxLagSeconds: 10 });
    expect(await r.reader()).toBe(primary.db);
  });
});

describe("a pooled connection (PgBouncer, transaction mode)", () => {
  it("is known by DATABASE_POOLED=1 or PgBouncer's port, and runs without prepared statements", async () => {
    expect(isPooledUrl("postgres://u:p@db:6432/portal")).toBe(true);
    expect(isPooledUrl("postgres://u:p@db:5432/portal")).toBe(false);
    const pooled = connect(url, 1, true);
    try {
      const [one] = await pooled.sql`select ${41}::int + 1 as n`;
      expect(one!.n).toBe(42);
      // No statement was prepared on the server for it.
      const [stmts] = await pooled.sql`select count(*)::int as prepared from pg_prepared_statements`;
      expect(stmts!.prepared).toBe(0);
    } finally {
      await pooled.sql.end();
    }
  });

  it("sends one query at a time per connection: queries queue for a free connection instead of pipelining, and transactions, helpers and drizzle still work", async () => {
    const pooled = connect(url, 2, true);
    try {
      // The mark that keeps postgres.js from sending a query behind another (db/connection.ts).
      const q = pooled.sql`select 1 as n`;
      expect(typeof (q as unknown as { options: { onexecute?: unknown } }).options.onexecute).toBe("function");
      await q;
      const results = await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          i % 5 === 0
            ? pooled.sql.begin(async (tx) => (await tx`select ${i}::int as n`)[0]!.n as number)
            : i % 2
              ? pooled.sql.unsafe("select 1 as n").then((r) => r[0]!.n as number)
              : pooled.sql`select n from unnest(${pooled.sql.array([i])}::int[]) n`.then((r) => r[0]!.n as number),
        ),
      );
      expect(results.filter((n, i) => n === (i % 5 === 0 || i % 2 === 0 ? i : 1))).toHaveLength(300);
      const [{ n }] = (await pooled.db.execute(sql`select count(*)::int as n from regencies`)) as unknown as [{ n: number }];
      expect(n).toBeGreaterThan(500);
    } finally {
      await pooled.sql.end();
    }
  });
});
