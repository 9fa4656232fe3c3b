import { sql } from "drizzle-orm";
import type { Database } from "./connection";

/** What a read was served from, and the replica's lag when it was last measured. */
export type ReaderState = { source: "replica" | "primary"; lagSeconds: number | null };

/**
 * The read pool for dashboards, reports and exports: a streaming replica when one is configured,
 * else the primary. A replica whose data is older than `maxLagSeconds` (the primary's heartbeat,
 * portal_heartbeat, as replayed there) is not used: reads go to the primary until it catches up,
 * so a dashboard never shows figures older than the bound. The lag is measured at most once per
 * `checkEveryMs` per process.
 */
export function createReader(opts: { primary: () => Database; replica: (() => Database) | null; maxLagSeconds: number; checkEveryMs?: number }) {
  const every = opts.checkEveryMs ?? 1000;
  let checkedAt = 0;
  let state: ReaderState = { source: opts.replica ? "replica" : "primary", lagSeconds: null };

  async function measure(replica: Database): Promise<number | null> {
    try {
      const [row] = await replica.execute<{ lag: number | null }>(
        sql`select extract(epoch from (now() - (select at from portal_heartbeat where id = 1)))::float8 as lag`,
      );
      return row?.lag ?? null;
    } catch {
      return null; // replica unreachable: as good as infinitely late
    }
  }

  return {
    async reader(): Promise<Database> {
      if (!opts.replica) return opts.primary();
      if (Date.now() - checkedAt >= every) {
        checkedAt = Date.now();
        const lag = await measure(opts.replica());
        state = { source: lag !== null && lag <= opts.maxLagSeconds ? "replica" : "primary", lagSeconds: lag };
      }
      return state.source === "replica" ? opts.replica() : opts.primary();
    },
    state: () => state,
  };
}
