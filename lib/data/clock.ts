import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { env } from "@/lib/env";
import { UserFacingError } from "./errors";
import { type Executor } from "@/db/client";
import { rows } from "./internal/rows";

// The movable clock of demo and test runs (the portal_clock row that portal_now() reads too).
// System functions: they act for the system or a test, never for a viewer.

/** The database's clock of record: the pinned instant in demo/test mode, else now(). */
export async function readDatabaseClock(exec: Executor = db()): Promise<Date> {
  const [row] = await rows<{ now: Date }>(exec, sql`select portal_now() as now`);
  return new Date(row!.now);
}

/** Pins (or with null releases) the clock; refused in production, where time is real. */
export async function setPortalClock(at: string | Date | null): Promise<void> {
  if (env().PORTAL_MODE === "production") throw new UserFacingError("Jam portal hanya dapat dipindah dalam mode demo atau test.");
  if (at === null) {
    await db().execute(sql`delete from portal_clock`);
    return;
  }
  const iso = new Date(at).toISOString();
  await db().execute(sql`insert into portal_clock (id, pinned_at) values (1, ${iso}::timestamptz)
    on conflict (id) do update set pinned_at = excluded.pinned_at, set_at = now()`);
}

/** A pinned clock in a production database is a mistake the worker refuses to start on. */
export async function isClockPinned(): Promise<boolean> {
  const [row] = await rows<{ n: number }>(db(), sql`select count(*)::int as n from portal_clock`);
  return (row?.n ?? 0) > 0;
}
