import crypto from "node:crypto";

// Server logs carry error codes and a correlation id, never an error's message: drizzle's query
// errors carry the query's parameters (NIKs, names, addresses) in theirs.

/** A short id the user's message shows ("Kode galat: …") and the log line holds. */
export function correlationId(): string {
  return crypto.randomBytes(5).toString("hex");
}

type PgLike = { code?: unknown; constraint_name?: unknown; table_name?: unknown; cause?: unknown; name?: unknown };

/** What may be logged about an error: its PostgreSQL SQLSTATE, constraint and table, or its class name. */
export function errorFacts(e: unknown): { code: string; constraint?: string; table?: string } {
  for (let err = e as PgLike | undefined, depth = 0; err && depth < 5; err = err.cause as PgLike | undefined, depth++) {
    if (typeof err.code === "string" && /^[0-9A-Z]{5}$/.test(err.code)) {
      return {
        code: err.code,
        constraint: typeof err.constraint_name === "string" ? err.constraint_name : undefined,
        table: typeof err.table_name === "string" ? err.table_name : undefined,
      };
    }
  }
  const name = (e as PgLike | undefined)?.name;
  return { code: typeof name === "string" && /^[A-Za-z]{1,40}$/.test(name) ? name : "Error" };
}

/** One log line for an unexpected error: where, the facts above and the correlation id. */
export function logUnexpected(where: string, e: unknown, id = correlationId()): string {
  const f = errorFacts(e);
  console.error(`[galat] ${where} kode=${f.code}${f.constraint ? ` constraint=${f.constraint}` : ""}${f.table ? ` tabel=${f.table}` : ""} id=${id}`);
  return id;
}

/** The sentence the user sees for an unexpected error, with the id that finds its log line. */
export function unexpectedMessage(id: string): string {
  return `Terjadi kesalahan di server. Coba lagi; bila berulang, hubungi admin dan sebutkan kodenya. Kode galat: ${id}`;
}
