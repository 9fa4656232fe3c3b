import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
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
  const plain = pooled ? withoutPipelining(raw) : raw;
  const sql = process.env.PORTAL_TX_GUARD ? guardSecondConnection(plain) : plain;
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

// Inside a transaction's callback: where that transaction was begun (the guard's report).
const inTransaction = new AsyncLocalStorage<string | false>();

/**
 * Runs fn as outside any transaction, for a query that takes its own connection on purpose while
 * a transaction is open (progress written beside a long staging transaction, so the page sees it).
 */
export function onOwnConnection<T>(fn: () => PromiseLike<T>): Promise<T> {
  // Awaited inside: drizzle's queries start when awaited, not when built.
  return inTransaction.run(false, async () => await fn());
}

const appFrames = (stack = "") =>
  stack
    .split("\n")
    .filter((l) => /\/(lib|app|tests|worker)\//.test(l) && !l.includes("/db/"))
    .join("\n");

function callSite() {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 30;
  const stack = new Error().stack;
  Error.stackTraceLimit = limit;
  return appFrames(stack);
}

/**
 * Under the test runs' guard (PORTAL_TX_GUARD, see guardSecondConnection): records taking the
 * pool (db(), readDb(), sqlClient()) inside a transaction's callback, where it was taken and where
 * the transaction began.
 */
export function guardOutsideTransaction() {
  const report = process.env.PORTAL_TX_GUARD;
  const begun = report && inTransaction.getStore();
  if (!begun) return;
  fs.appendFileSync(report, `Koneksi kedua diambil di dalam transaksi, di:\n${callSite() || "?"}\nTransaksinya dimulai di:\n${begun}\n\n`);
}

/**
 * The test runs' guard (PORTAL_TX_GUARD, a report file that scripts/test.mjs wants empty): a query
 * on the pool made while the same code path holds a transaction waits for a second connection,
 * and with every connection held by such a transaction nothing moves again (a deadlock the pool
 * cannot see: seen in the scale phase with the clock read beside a registration's transaction).
 * Such a query is recorded; onOwnConnection marks the deliberate ones.
 */
function guardSecondConnection(sql: postgres.Sql): postgres.Sql {
  const check = guardOutsideTransaction;
  return new Proxy(sql, {
    apply: (t, self, args) => (check(), Reflect.apply(t, self, args)),
    get: (t, prop, receiver) => {
      if (prop === "unsafe") return (...args: Parameters<postgres.Sql["unsafe"]>) => (check(), t.unsafe(...args));
      if (prop === "begin")
        return (...args: unknown[]) => {
          check();
          const site = callSite();
          const fn = args.pop() as (tx: unknown) => unknown;
          return (t.begin as (...a: unknown[]) => unknown)(...args, (tx: unknown) => inTransaction.run(site || "?", () => fn(tx)));
        };
      return Reflect.get(t, prop, receiver);
    },
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
