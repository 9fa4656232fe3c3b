/** An error whose message is an Indonesian sentence safe to show the user, optionally per field. */
export class UserFacingError extends Error {
  constructor(message: string, public readonly fieldErrors?: Record<string, string[]>) {
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

export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = e as { code?: string; constraint_name?: string; cause?: unknown };
  if (err?.code === "23505") return !constraint || err.constraint_name === constraint;
  return err?.cause ? isUniqueViolation(err.cause, constraint) : false;
}

/** A lock not granted within the transaction's lock_timeout (SQLSTATE 55P03). */
export function isLockTimeout(e: unknown): boolean {
  const err = e as { code?: string; cause?: unknown };
  if (err?.code === "55P03") return true;
  return err?.cause ? isLockTimeout(err.cause) : false;
}
