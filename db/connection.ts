import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

/**
 * Opens a connection pool. The app uses the cached one in db/client.ts; scripts and tests call this.
 * `asOf` pins the database's clock of record (portal_now(): aggregate buckets, worker history)
 * to the demo/test clock (PORTAL_CLOCK); production never sets it.
 */
export function connect(url: string, max = 10, opts: { asOf?: string } = {}) {
  const sql = postgres(url, { max, onnotice: () => {}, connection: opts.asOf ? { "portal.as_of": opts.asOf } : {} });
  return { sql, db: drizzle(sql, { schema }) };
}

export type Database = ReturnType<typeof connect>["db"];
export type Sql = ReturnType<typeof connect>["sql"];
