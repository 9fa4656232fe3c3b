/** An error whose message is an Indonesian sentence safe to show the user, optionally per field. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    public readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}

/** Raised when a record does not exist or lies outside the viewer's scope: we do not say which. */
export class NotFoundError extends UserFacingError {
  constructor(what = "Data") {
    super(`${what} tidak ditemukan.`);
    this.name = "NotFoundError";
  }
}

/** The PostgreSQL error behind `e` (drizzle wraps it in `cause`), if there is one. */
function pgError(e: unknown): { code?: string; constraint_name?: string } | null {
  for (let err = e as { code?: string; constraint_name?: string; cause?: unknown } | undefined; err; err = err.cause as typeof err) {
    if (err.code) return err;
  }
  return null;
}

export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = pgError(e);
  return err?.code === "23505" && (!constraint || err.constraint_name === constraint);
}

/** A lock not granted within the transaction's lock_timeout (SQLSTATE 55P03). */
export function isLockTimeout(e: unknown): boolean {
  return pgError(e)?.code === "55P03";
}
