import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { regencies } from "./areas";
import { offices } from "./offices";

export const userRole = pgEnum("user_role", ["admin", "petugas", "supervisor", "kepala_cabang", "kepala_wilayah"]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull(),
    regencyCode: text("regency_code").references(() => regencies.code),
    officeId: integer("office_id").references(() => offices.id),
    active: boolean("active").notNull().default(true),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    // Bumped on deactivation, password reset and role/area change: sessions carrying an older
    // version are refused on their next request.
    sessionVersion: integer("session_version").notNull().default(1),
    // A one-time password issued by the admin stops working after this moment (72 hours).
    passwordExpiresAt: timestamp("password_expires_at", { withTimezone: true }),
    // TOTP (RFC 6238): the secret sealed with AES-256-GCM under a key derived from AUTH_SECRET
    // (lib/auth/seal.ts); enabled once the user typed a code from it. The last accepted time step
    // refuses a replayed code.
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    check(
      "users_scope_by_role",
      sql`case ${t.role}
        when 'admin' then ${t.regencyCode} is null and ${t.officeId} is null
        when 'petugas' then ${t.regencyCode} is not null and ${t.officeId} is null
        when 'supervisor' then ${t.regencyCode} is not null and ${t.officeId} is null
        else ${t.regencyCode} is null and ${t.officeId} is not null end`,
    ),
  ],
);

/** Login throttling lives in PostgreSQL so it holds across app instances and restarts. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    // Written false before the password is verified (so parallel guesses count at once) and set
    // true after a full login.
    succeeded: boolean("succeeded").notNull(),
    // From a browser that completed a login to this account before (its device cookie).
    deviceKnown: boolean("device_known").notNull().default(false),
    // "password" or "code" (the second step).
    step: text("step").notNull().default("password"),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_email_idx").on(t.email, t.attemptedAt), index("login_attempts_ip_idx").on(t.ip, t.attemptedAt)],
);

/**
 * Server-side sessions: the cookie carries only this id. Ended at logout, by "end other
 * sessions", by a password change; refused past its absolute lifetime or after idling.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endReason: text("end_reason"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [
    index("user_sessions_user_idx")
      .on(t.userId, t.createdAt)
      .where(sql`${t.endedAt} is null`),
  ],
);

/**
 * A login between its two steps: the password was right, the code is still to come. Identified by
 * a random token kept in an HttpOnly cookie (only its hash is stored); five minutes, five codes.
 */
export const loginChallenges = pgTable(
  "login_challenges",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    ip: text("ip").notNull(),
    deviceKnown: boolean("device_known").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    codeFailures: integer("code_failures").notNull().default(0),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("login_challenges_token_key").on(t.tokenHash)],
);

/** Browsers that completed a login to an account (hash of the device cookie's id). */
export const knownDevices = pgTable(
  "known_devices",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    deviceHash: text("device_hash").notNull(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.deviceHash] })],
);

/** Ten one-time recovery codes per TOTP enrolment, stored as keyed hashes. */
export const mfaRecoveryCodes = pgTable(
  "mfa_recovery_codes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("mfa_recovery_codes_key").on(t.userId, t.codeHash)],
);
