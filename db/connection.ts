import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

/**
 * Opens a connection pool. The app uses the cached one in db/client.ts; scripts and tests call this.
 * No session state: the demo/test clock is a row (portal_clock), not a connection parameter.
 * `pooled`: behind PgBouncer in transaction mode, where a server connection changes between
 * transactions, so no prepared statements (DATABASE_POOLED=1, or a URL on PgBouncer's port 6432).
 */
export function connect(url: string, max = 10, pooled = isPooledUrl(url)) {
  const sql = postgres(url, { max, onnotice: () => {}, prepare: !pooled });
  return { sql, db: drizzle(sql, { schema }) };
}

export type Database = ReturnType<typeof connect>["db"];
export type Sql = ReturnType<typeof connect>["sql"];

/** PgBouncer's conventional port, or DATABASE_POOLED=1: the connection is pooled per transaction. */
export function isPooledUrl(url: string): boolean {
  if (process.env.DATABASE_POOLED === "1") return true;
  try {
    return new URL(url).port === "6432";
  } catch {
    return false;
  }
}
