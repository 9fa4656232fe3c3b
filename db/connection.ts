import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

/**
 * Opens a connection pool. The app uses the cached one in db/client.ts; scripts and tests call this.
 * No session state: the demo/test clock is a row (portal_clock), not a connection parameter.
 */
export function connect(url: string, max = 10) {
  const sql = postgres(url, { max, onnotice: () => {} });
  return { sql, db: drizzle(sql, { schema }) };
}

export type Database = ReturnType<typeof connect>["db"];
export type Sql = ReturnType<typeof connect>["sql"];
