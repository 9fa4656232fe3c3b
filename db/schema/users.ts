import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    succeeded: boolean("succeeded").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_email_idx").on(t.email, t.attemptedAt), index("login_attempts_ip_idx").on(t.ip, t.attemptedAt)],
);
