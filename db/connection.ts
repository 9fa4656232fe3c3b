import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

/**
 * Opens a connection pool. The app uses the cached one in db/client.ts; scripts and tests call this.
 * No session state: the demo/test clock is a row (portal_clock), not a connection parameter.
 * `pooled`: behind PgBouncer in transaction mode, where a server connection changes between
 * transactions (DATABASE_POOLED=1, or a URL on PgBouncer's port 6432): no prepared statements and
 * no pipelining (withoutPipelining).
 */
export function connect(url: string, max = 10, pooled = isPooledUrl(url)) {
  const raw = postgres(url, { max, onnotice: () => {}, prepare: !pooled });
  const sql = pooled ? withoutPipelining(raw) : raw;
  return { sql, db: drizzle(sql, { schema }) };
}

/**
 * postgres.js sends a query on a connection that is still busy with another (pipelining) when
 * all its connections are in use. PgBouncer 1.18 in transaction mode gives the server connection
 * back at the first query's ReadyForQuery, so the answer to the query sent behind it goes nowhere
 * and that client waits forever (seen in the scale phase: a registration's transaction stuck
 * holding its quota row; reproduced with plain and parameterised queries mixed). Every query
 * outside a transaction gets an `onexecute` hook that says "this connection takes nothing more
 * until it answers", so a query waits for a free connection instead. Transactions keep their own
 * connection (PgBouncer keeps the server linked until COMMIT) and are left as they are.
 */
function withoutPipelining(sql: postgres.Sql): postgres.Sql {
  const hold = () => false;
  const mark = <T>(q: T): T => {
    const options = (q as { options?: { onexecute?: unknown } } | null)?.options;
    if (q instanceof Promise && options && !options.onexecute) options.onexecute = hold;
    return q;
  };
  return new Proxy(sql, {
    apply: (target, self, args) => mark(Reflect.apply(target, self, args)),
    get: (target, prop, receiver) =>
      prop === "unsafe" ? (...args: Parameters<postgres.Sql["unsafe"]>) => mark(target.unsafe(...args)) : Reflect.get(target, prop, receiver),
  });
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
