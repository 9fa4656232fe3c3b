import "server-only";
import { and, count, eq, gt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { loginAttempts, users } from "@/db/schema";
import { writeAudit } from "./audit";

// Policy from the foundation issue: 10 failures in 15 minutes block the account for 15
// minutes; 100 failures from one IP in the same window block that IP.
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_IP = 100;

const windowStart = sql`now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES})`;

/** Unscoped by design: runs before anyone is logged in. */
export async function isLoginBlocked(email: string, ip: string): Promise<boolean> {
  const key = email.trim().toLowerCase();
  const [byEmail] = await db()
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, key), eq(loginAttempts.succeeded, false), gt(loginAttempts.attemptedAt, windowStart)));
  if ((byEmail?.n ?? 0) >= MAX_FAILURES_PER_ACCOUNT) return true;
  const [byIp] = await db()
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.attemptedAt, windowStart)));
  return (byIp?.n ?? 0) >= MAX_FAILURES_PER_IP;
}

/** Every attempt feeds the throttle; a successful login is also a row in the record of processing. */
export async function recordLoginAttempt(email: string, ip: string, succeeded: boolean, userId?: string): Promise<void> {
  await db().transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ email: email.trim().toLowerCase(), ip, succeeded });
    if (succeeded && userId) await writeAudit(tx, { actorId: userId, action: "auth.login", entityType: "user", entityId: userId, details: {} });
  });
}

/** The credentials row for a login attempt (unscoped by design). */
export async function findLoginUser(email: string) {
  const [row] = await db()
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active, sessionVersion: users.sessionVersion, name: users.name })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return row ?? null;
}
