import "server-only";
import { env } from "@/lib/env";
import { connect, type Database } from "./connection";

// One pool per process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { portalDb?: Database };

export function db(): Database {
  globalForDb.portalDb ??= connect(env().DATABASE_URL, env().DATABASE_POOL_SIZE).db;
  return globalForDb.portalDb;
}
