import "server-only";
import { env } from "@/lib/env";
import { connect } from "./connection";

type Pool = ReturnType<typeof connect>;

// One pool per process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { portalPool?: Pool };

function pool(): Pool {
  globalForDb.portalPool ??= connect(env().DATABASE_URL, env().DATABASE_POOL_SIZE);
  return globalForDb.portalPool;
}

export function db() {
  return pool().db;
}

/** The underlying postgres.js client, for COPY (bulk import staging); used only inside lib/data. */
export function sqlClient() {
  return pool().sql;
}

/** Closes the pool (test runs and scripts; the app keeps it for its lifetime). */
export async function closeDb() {
  const p = globalForDb.portalPool;
  globalForDb.portalPool = undefined;
  await p?.sql.end({ timeout: 5 });
}

export type Database = ReturnType<typeof db>;
/** A transaction handle: the one Tx type of lib/data. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything a query can run on: the pool or a transaction. */
export type Executor = Database | Tx;
