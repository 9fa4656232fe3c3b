import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";

// Job: the primary's heartbeat (portal_heartbeat), which a replica's reader compares with its own
//   clock to know how far its data lags (db/reader.ts).
// Trigger: every sweep of the worker (WORKER_SWEEP_MS, 5 s by default).
// Idempotent: one row, set to now(); running it twice only moves the time forward.

export async function beatHeartbeat() {
  await db().execute(sql`insert into portal_heartbeat (id, at) values (1, now()) on conflict (id) do update set at = excluded.at`);
}
