import { sql } from "drizzle-orm";
import { bigint, check, date, foreignKey, index, integer, pgEnum, pgTable, primaryKey, serial, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { regencies, villages } from "./areas";
import { users } from "./users";

export const regulationType = pgEnum("regulation_type", ["perwal", "perbup", "pergub", "perda", "perdes", "pks"]);
// Who issues and pays: the funder priority (APBD kab/kota, APBD provinsi, APBDes, CSR) reads this.
export const regulationIssuer = pgEnum("regulation_issuer", ["kabkota", "provinsi", "desa", "csr", "lainnya"]);
export const regulationStatus = pgEnum("regulation_status", ["draft", "review", "enacted", "ended"]);

/**
 * A regulation funds the workers of exactly one kabupaten/kota. `counted` is the number of
 * places taken; the CHECK makes the quota a hard cap that registrations update atomically
 * (`set counted = counted + 1 where counted < quota`). See docs/regulations.md.
 */
export const regulations = pgTable(
  "regulations",
  {
    id: serial("id").primaryKey(),
    regencyCode: text("regency_code")
      .notNull()
      .references(() => regencies.code),
    type: regulationType("type").notNull(),
    issuer: regulationIssuer("issuer").notNull(),
    number: text("number"),
    title: text("title").notNull(),
    status: regulationStatus("status").notNull().default("draft"),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on"),
    quota: integer("quota").notNull(),
    counted: integer("counted").notNull().default(0),
    minAgeMonths: integer("min_age_months").notNull(),
    maxAgeMonths: integer("max_age_months").notNull(),
    enactedOn: date("enacted_on"),
    endedOn: date("ended_on"),
    endReason: text("end_reason"),
    successorId: integer("successor_id"),
    documentFile: text("document_file"),
    documentName: text("document_name"),
    notes: text("notes").notNull().default(""),
    // Contributions: more than this many consecutive due months unpaid makes a person nonaktif
    // (tunggakan); arrears paid within `rejoinMonths` of that restore the months (DOMAIN.md).
    arrearsGraceMonths: integer("arrears_grace_months").notNull().default(3),
    rejoinMonths: integer("rejoin_months").notNull().default(3),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("regulations_regency_idx").on(t.regencyCode, t.status),
    foreignKey({ columns: [t.successorId], foreignColumns: [t.id], name: "regulations_successor_fk" }),
    check("regulations_quota_positive", sql`${t.quota} > 0`),
    check("regulations_counted_within_quota", sql`${t.counted} >= 0 and ${t.counted} <= ${t.quota}`),
    check("regulations_period", sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    check("regulations_age_range", sql`${t.minAgeMonths} >= 0 and ${t.minAgeMonths} < ${t.maxAgeMonths}`),
    check("regulations_enacted_has_number", sql`${t.status} in ('draft', 'review') or (${t.number} is not null and ${t.enactedOn} is not null)`),
    check("regulations_billing_settings", sql`${t.arrearsGraceMonths} between 1 and 12 and ${t.rejoinMonths} between 0 and 12`),
    check("regulations_ended_has_reason", sql`${t.status} <> 'ended' or (${t.endedOn} is not null and ${t.endReason} is not null)`),
  ],
);

/** A village scheme (Perdes) lists the desa it covers; only workers living there take its places. */
export const regulationVillages = pgTable(
  "regulation_villages",
  {
    regulationId: integer("regulation_id")
      .notNull()
      .references(() => regulations.id, { onDelete: "cascade" }),
    villageCode: text("village_code")
      .notNull()
      .references(() => villages.code),
  },
  (t) => [primaryKey({ columns: [t.regulationId, t.villageCode] })],
);

/** Budget per fiscal year (1 January–31 December WIB), integer Rupiah. */
export const regulationBudgets = pgTable(
  "regulation_budgets",
  {
    id: serial("id").primaryKey(),
    regulationId: integer("regulation_id")
      .notNull()
      .references(() => regulations.id, { onDelete: "cascade" }),
    fiscalYear: integer("fiscal_year").notNull(),
    allocated: bigint("allocated", { mode: "number" }).notNull(),
    monthsCovered: integer("months_covered").notNull().default(12),
    // What the budget document assumed per worker per month (e.g. Rp 17.000): not the tariff.
    assumedMonthlyRate: integer("assumed_monthly_rate"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("regulation_budgets_year_key").on(t.regulationId, t.fiscalYear),
    check("regulation_budgets_allocated", sql`${t.allocated} >= 0`),
    check("regulation_budgets_months", sql`${t.monthsCovered} between 1 and 12`),
    check("regulation_budgets_year", sql`${t.fiscalYear} between 2000 and 2100`),
  ],
);

/** Amendments (perubahan): they change the parent only when enacted. */
export const regulationAmendments = pgTable(
  "regulation_amendments",
  {
    id: serial("id").primaryKey(),
    regulationId: integer("regulation_id")
      .notNull()
      .references(() => regulations.id, { onDelete: "cascade" }),
    number: text("number"),
    title: text("title").notNull(),
    status: regulationStatus("status").notNull().default("draft"),
    newQuota: integer("new_quota"),
    // Set when enacted: the quota this amendment replaced.
    previousQuota: integer("previous_quota"),
    newEndsOn: date("new_ends_on"),
    budgetFiscalYear: integer("budget_fiscal_year"),
    budgetAllocated: bigint("budget_allocated", { mode: "number" }),
    enactedOn: date("enacted_on"),
    documentFile: text("document_file"),
    documentName: text("document_name"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("regulation_amendments_parent_idx").on(t.regulationId),
    check("regulation_amendments_quota", sql`${t.newQuota} is null or ${t.newQuota} > 0`),
    check(
      "regulation_amendments_budget",
      sql`(${t.budgetFiscalYear} is null) = (${t.budgetAllocated} is null) and (${t.budgetAllocated} is null or ${t.budgetAllocated} >= 0)`,
    ),
    check("regulation_amendments_status", sql`${t.status} <> 'ended'`),
    check("regulation_amendments_enacted_has_number", sql`${t.status} in ('draft', 'review') or (${t.number} is not null and ${t.enactedOn} is not null)`),
  ],
);

/** Contribution tariff per worker per month, effective-dated (JKK + JKM). */
export const tariffs = pgTable(
  "tariffs",
  {
    id: serial("id").primaryKey(),
    effectiveFrom: date("effective_from").notNull().unique(),
    jkk: integer("jkk").notNull(),
    jkm: integer("jkm").notNull(),
    note: text("note").notNull().default(""),
  },
  (t) => [check("tariffs_positive", sql`${t.jkk} > 0 and ${t.jkm} > 0`)],
);

/** Default eligibility (age in months), effective-dated; each regulation copies and may change it. */
export const eligibilityPolicies = pgTable(
  "eligibility_policies",
  {
    id: serial("id").primaryKey(),
    effectiveFrom: date("effective_from").notNull().unique(),
    minAgeMonths: integer("min_age_months").notNull(),
    maxAgeMonths: integer("max_age_months").notNull(),
  },
  (t) => [check("eligibility_policies_range", sql`${t.minAgeMonths} >= 0 and ${t.minAgeMonths} < ${t.maxAgeMonths}`)],
);
