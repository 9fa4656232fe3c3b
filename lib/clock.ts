import { cache } from "react";
import { readDatabaseClock } from "@/lib/data/clock";
import type { Executor } from "@/db/client";
import { wibDay } from "@/lib/domain/wib";
import { env } from "./env";

/**
 * The one clock for date logic (fiscal years, ages, forecasts, business dates such as a
 * submission's). In production it is real time. In demo and test mode it is the database's clock
 * of record (portal_now(): the portal_clock row a test can move, else now()), so the app, the
 * worker's scheduled jobs and the aggregate triggers all see the same day. Security timing (login
 * throttling, session expiry) deliberately uses real time.
 */
export async function now(): Promise<Date> {
  if (env().PORTAL_MODE === "production") return new Date();
  return databaseNow();
}

/**
 * now() inside a transaction: read through the transaction's own connection. A transaction never
 * waits for a second connection from the pool: with every connection held by a transaction that
 * does, none would ever come (seen behind PgBouncer, where queries do not pipeline: 60 concurrent
 * registrations stuck, each holding its connection and waiting for the clock).
 */
export async function nowIn(tx: Executor): Promise<Date> {
  if (env().PORTAL_MODE === "production") return new Date();
  return readDatabaseClock(tx);
}

// One read per web request (React's request cache): a page sees one instant however many
// figures ask. Outside a request (the worker, tests) every call reads the clock afresh.
const databaseNow = cache(readDatabaseClock);

/** Today's WIB day, "YYYY-MM-DD". */
export async function today(): Promise<string> {
  return wibDay(await now());
}

/** today() inside a transaction, on its own connection (see nowIn). */
export async function todayIn(tx: Executor): Promise<string> {
  return wibDay(await nowIn(tx));
}
