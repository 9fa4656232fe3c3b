import "server-only";
import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { knownDevices, loginAttempts, loginChallenges, mfaRecoveryCodes, users } from "@/db/schema";
import { dummyHash, verifyPassword } from "@/lib/auth/password";
import { keyedHash, randomToken, unseal } from "@/lib/auth/seal";
import { currentTotp, normalizeRecoveryCode, verifyTotp } from "@/lib/auth/totp";
import { env } from "@/lib/env";
import { writeAudit } from "./audit";
import { openSession } from "./internal/sessions";

// Login in two steps, both unscoped by design (they run before anyone is logged in):
//  1. passwordStep: the throttle, then the password. A right password opens a challenge (a
//     random token in an HttpOnly cookie, only its hash stored) for five minutes.
//  2. completeLogin: the challenge, the TOTP or recovery code when the account has one, then the
//     server-side session.
//
// Throttling (ASVS V6.3) lives in PostgreSQL so it holds across instances and restarts. Every
// attempt is written as a failure *before* the password is verified and marked succeeded after,
// so parallel guesses count at once without a lock held through argon2. The keys:
//  - account + address (+ whether the browser is a known device): 10 failures in 15 minutes;
//  - the account from unknown devices, any address: from 10 failures a growing delay, from 50 a
//    block. A browser that completed a login to this account before (its device cookie) is not
//    held by others' failures, so nobody can keep the admin out by guessing from elsewhere;
//  - the address: 100 failures.
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_PAIR = 10;
export const ACCOUNT_DELAY_FROM = 10;
export const MAX_FAILURES_PER_ACCOUNT = 50;
export const MAX_FAILURES_PER_IP = 100;
export const CHALLENGE_MINUTES = 5;
export const MAX_CODE_FAILURES = 5;
/** A one-time password issued by the admin works this long. */
export const ONE_TIME_PASSWORD_HOURS = 72;

const windowStart = sql`now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES})`;

/** The growing delay for an account under a distributed attack: 0.5 s doubling, at most 8 s. */
export function accountDelayMs(failures: number): number {
  return failures < ACCOUNT_DELAY_FROM ? 0 : Math.min(500 * 2 ** (failures - ACCOUNT_DELAY_FROM), 8000);
}

const normEmail = (email: string) => email.trim().toLowerCase();

type Attempt = { email: string; ip: string; deviceKnown: boolean; step: "password" | "code" };

/** Records the attempt (as a failure) and says whether it may go on, counting itself. */
async function admitAttempt(a: Attempt): Promise<{ id: number; blocked: boolean; delayMs: number }> {
  const [row] = await db()
    .insert(loginAttempts)
    .values({ email: a.email, ip: a.ip, succeeded: false, deviceKnown: a.deviceKnown, step: a.step })
    .returning({ id: loginAttempts.id });
  const failed = and(eq(loginAttempts.succeeded, false), gt(loginAttempts.attemptedAt, windowStart));
  const [counts] = await db()
    .select({
      pair: sql<number>`count(*) filter (where ${loginAttempts.email} = ${a.email} and ${loginAttempts.ip} = ${a.ip} and ${loginAttempts.deviceKnown} = ${a.deviceKnown})::int`,
      account: sql<number>`count(*) filter (where ${loginAttempts.email} = ${a.email} and not ${loginAttempts.deviceKnown})::int`,
      ip: sql<number>`count(*) filter (where ${loginAttempts.ip} = ${a.ip})::int`,
    })
    .from(loginAttempts)
    .where(and(failed, sql`(${loginAttempts.email} = ${a.email} or ${loginAttempts.ip} = ${a.ip})`));
  const c = counts ?? { pair: 0, account: 0, ip: 0 };
  const blocked = c.pair > MAX_FAILURES_PER_PAIR || c.ip > MAX_FAILURES_PER_IP || (!a.deviceKnown && c.account > MAX_FAILURES_PER_ACCOUNT);
  return { id: row!.id, blocked, delayMs: a.deviceKnown ? 0 : accountDelayMs(c.account - 1) };
}

async function markSucceeded(id: number) {
  await db().update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, id));
}

/** The credentials row for a login attempt. */
export async function findLoginUser(email: string) {
  const [row] = await db()
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      active: users.active,
      sessionVersion: users.sessionVersion,
      name: users.name,
      passwordExpiresAt: users.passwordExpiresAt,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .where(sql`lower(${users.email}) = ${normEmail(email)}`)
    .limit(1);
  return row ?? null;
}

async function isKnownDevice(userId: string | undefined, deviceId: string | null): Promise<boolean> {
  if (!userId || !deviceId) return false;
  const [row] = await db()
    .select({ n: count() })
    .from(knownDevices)
    .where(and(eq(knownDevices.userId, userId), eq(knownDevices.deviceHash, keyedHash(deviceId, "device"))));
  return (row?.n ?? 0) > 0;
}

export type PasswordStep = { kind: "blocked" } | { kind: "wrong" } | { kind: "expired" } | { kind: "ok"; token: string; needsCode: boolean };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Step 1. The same answer ("wrong") for an unknown email and a wrong password. */
export async function passwordStep(input: { email: string; password: string; ip: string; deviceId: string | null }): Promise<PasswordStep> {
  const email = normEmail(input.email);
  const user = await findLoginUser(email);
  const deviceKnown = await isKnownDevice(user?.id, input.deviceId);
  const attempt = await admitAttempt({ email, ip: input.ip, deviceKnown, step: "password" });
  if (attempt.blocked) return { kind: "blocked" };
  if (attempt.delayMs) await sleep(attempt.delayMs);
  // Verify against a dummy hash for unknown emails so timing does not tell them apart.
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  if (!ok || !user || !user.active) return { kind: "wrong" };
  await markSucceeded(attempt.id);
  if (user.passwordExpiresAt && user.passwordExpiresAt.getTime() <= Date.now()) return { kind: "expired" };
  const token = randomToken();
  await db()
    .insert(loginChallenges)
    .values({
      tokenHash: keyedHash(token, "login-challenge"),
      userId: user.id,
      ip: input.ip,
      deviceKnown,
      expiresAt: sql`now() + make_interval(mins => ${CHALLENGE_MINUTES})`,
    });
  return { kind: "ok", token, needsCode: user.totpEnabledAt != null };
}

async function openChallenge(token: string) {
  const [row] = await db()
    .select({
      id: loginChallenges.id,
      userId: loginChallenges.userId,
      deviceKnown: loginChallenges.deviceKnown,
      codeFailures: loginChallenges.codeFailures,
      email: users.email,
      name: users.name,
      active: users.active,
      sessionVersion: users.sessionVersion,
      totpSecret: users.totpSecret,
      totpEnabledAt: users.totpEnabledAt,
      totpLastStep: users.totpLastStep,
    })
    .from(loginChallenges)
    .innerJoin(users, eq(users.id, loginChallenges.userId))
    .where(and(eq(loginChallenges.tokenHash, keyedHash(token, "login-challenge")), isNull(loginChallenges.usedAt), sql`${loginChallenges.expiresAt} > now()`));
  return row && row.active && row.codeFailures < MAX_CODE_FAILURES ? row : null;
}

export type LoginOutcome =
  | { kind: "expired" }
  | { kind: "blocked" }
  | { kind: "wrong_code" }
  | { kind: "ok"; user: { id: string; name: string; sessionVersion: number; sessionId: string } };

/**
 * Step 2: the challenge, the code when the account has TOTP (a recovery code also works, once),
 * then a server-side session. The challenge is used once, also under a race.
 */
export async function completeLogin(input: {
  token: string;
  code?: string | null;
  ip: string;
  userAgent: string | null;
  deviceId: string | null;
}): Promise<LoginOutcome> {
  const c = await openChallenge(input.token);
  if (!c) return { kind: "expired" };
  let usedRecovery = false;
  let attemptId: number | null = null;
  if (c.totpEnabledAt) {
    const attempt = await admitAttempt({ email: normEmail(c.email), ip: input.ip, deviceKnown: c.deviceKnown, step: "code" });
    if (attempt.blocked) return { kind: "blocked" };
    attemptId = attempt.id;
    const code = (input.code ?? "").trim();
    let ok = false;
    if (/^\d[\d\s]*$/.test(code) && c.totpSecret) {
      const step = await verifyTotp(unseal(c.totpSecret), code, c.totpLastStep);
      if (step != null) {
        // The step is taken only if no one took it (or a later one) first: a replay loses here.
        const taken = await db()
          .update(users)
          .set({ totpLastStep: step })
          .where(and(eq(users.id, c.userId), sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step})`))
          .returning({ id: users.id });
        ok = taken.length === 1;
      }
    } else if (code) {
      const used = await db()
        .update(mfaRecoveryCodes)
        .set({ usedAt: sql`now()` })
        .where(
          and(
            eq(mfaRecoveryCodes.userId, c.userId),
            eq(mfaRecoveryCodes.codeHash, keyedHash(normalizeRecoveryCode(code), "recovery-code")),
            isNull(mfaRecoveryCodes.usedAt),
          ),
        )
        .returning({ id: mfaRecoveryCodes.id });
      ok = usedRecovery = used.length === 1;
    }
    if (!ok) {
      await db()
        .update(loginChallenges)
        .set({ codeFailures: sql`${loginChallenges.codeFailures} + 1` })
        .where(eq(loginChallenges.id, c.id));
      return { kind: "wrong_code" };
    }
  }
  const sessionId = await db().transaction(async (tx) => {
    const used = await tx
      .update(loginChallenges)
      .set({ usedAt: sql`now()` })
      .where(and(eq(loginChallenges.id, c.id), isNull(loginChallenges.usedAt)))
      .returning({ id: loginChallenges.id });
    if (used.length !== 1) return null;
    if (attemptId != null) await tx.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
    const sid = await openSession(tx, c.userId, { ip: input.ip, userAgent: input.userAgent });
    if (input.deviceId) {
      await tx
        .insert(knownDevices)
        .values({ userId: c.userId, deviceHash: keyedHash(input.deviceId, "device") })
        .onConflictDoUpdate({ target: [knownDevices.userId, knownDevices.deviceHash], set: { lastSeenAt: sql`now()` } });
    }
    await writeAudit(tx, {
      actorId: c.userId,
      action: "auth.login",
      entityType: "user",
      entityId: c.userId,
      details: { mfa: c.totpEnabledAt != null, ...(usedRecovery ? { recoveryCode: true } : {}) },
    });
    if (usedRecovery) await writeAudit(tx, { actorId: c.userId, action: "auth.mfa_recovery_used", entityType: "user", entityId: c.userId, details: {} });
    return sid;
  });
  if (!sessionId) return { kind: "expired" };
  return { kind: "ok", user: { id: c.userId, name: c.name, sessionVersion: c.sessionVersion, sessionId } };
}

/**
 * The demo aid: the code the account's authenticator shows now, for the login page in demo and
 * test mode. Production never calls it (and it refuses).
 */
export async function demoCodeFor(token: string): Promise<string | null> {
  if (env().PORTAL_MODE === "production") return null;
  const c = await openChallenge(token);
  if (!c?.totpSecret || !c.totpEnabledAt) return null;
  // The code of the first step not used yet (a second login within 30 seconds takes the next
  // step, which the one-step tolerance accepts); none when even that is used.
  const now = Math.floor(Date.now() / 30_000);
  const step = Math.max(now, (c.totpLastStep ?? 0) + 1);
  if (step > now + 1) return null;
  return currentTotp(unseal(c.totpSecret), new Date(step * 30_000));
}

/** How many failed attempts an account has in the window (tests and the admin's user page). */
export async function recentFailures(email: string): Promise<number> {
  const [row] = await db()
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, normEmail(email)), eq(loginAttempts.succeeded, false), gt(loginAttempts.attemptedAt, windowStart)));
  return row?.n ?? 0;
}
