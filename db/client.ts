import "server-only";
import { env } from "@/lib/env";
import { connect, guardOutsideTransaction } from "./connection";

export { onOwnConnection } from "./connection";
import { createReader } from "./reader";

type Pool = ReturnType<typeof connect>;

// One pool per process (and one read pool), kept across hot reloads in development.
const globalForDb = globalThis as unknown as { portalPool?: Pool; portalReadPool?: Pool; portalReader?: ReturnType<typeof createReader> };

function pool(): Pool {
  globalForDb.portalPool ??= connect(env().DATABASE_URL, env().DATABASE_POOL_SIZE);
  return globalForDb.portalPool;
}

export function db() {
  guardOutsideTransaction();
  return pool().db;
}

function readerOf() {
  const url = env().DATABASE_READ_URL;
  globalForDb.portalReader ??= createReader({
    primary: db,
    replica: url
      ? () => {
          globalForDb.portalReadPool ??= connect(url, env().DATABASE_POOL_SIZE);
          return globalForDb.portalReadPool.db;
        }
      : null,
    maxLagSeconds: env().DATABASE_READ_MAX_LAG_SECONDS,
  });
  return globalForDb.portalReader;
}

/**
 * The read pool, for dashboards, reports and the map only (docs/deploy.md says what reads where):
 * DATABASE_READ_URL's replica while its lag is within DATABASE_READ_MAX_LAG_SECONDS, else the
 * primary. Whatever a user has just changed, sign-in, places and bills always read db().
 */
export function readDb() {
  guardOutsideTransaction();
  return readerOf().reader();
}

/** The underlying postgres.js client, for COPY (bulk import staging); used only inside lib/data. */
export function sqlClient() {
  guardOutsideTransaction();
  return pool().sql;
}

/** Closes the pool (test runs and scripts; the app keeps it for its lifetime). */
export async function closeDb() {
  const [p, r] = [globalForDb.portalPool, globalForDb.portalReadPool];
  globalForDb.portalPool = globalForDb.portalReadPool = globalForDb.portalReader = undefined;
  await Promise.all([p?.sql.end({ timeout: 5 }), r?.sql.end({ timeout: 5 })]);
}

export type Database = ReturnType<typeof db>;
/** A transaction handle: the one Tx type of lib/data. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything a query can run on: the pool or a transaction. */
export type Executor = Database | Tx;
