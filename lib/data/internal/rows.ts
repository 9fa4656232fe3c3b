import "server-only";
import type { SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";

/**
 * A raw SQL query's rows, typed by the caller (the columns are named in the query with `as "camel"`).
 * The one place where the driver's untyped result becomes a typed row list.
 */
export async function rows<T>(exec: Executor, query: SQL): Promise<T[]> {
  return (await exec.execute(query)) as unknown as T[];
}

/** The first row of a raw query, or undefined. */
export async function firstRow<T>(exec: Executor, query: SQL): Promise<T | undefined> {
  return (await rows<T>(exec, query))[0];
}

/** A PostgreSQL array literal of numbers or plain tokens, for one parameter (`${pgArray(ids)}::int[]`): drizzle spreads a JS array into many. */
export const pgArray = (xs: (string | number | null)[]) => `{${xs.map((x) => (x === null ? "NULL" : String(x))).join(",")}}`;
