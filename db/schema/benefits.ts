import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { deaths } from "./billing";
import { offices } from "./offices";
import { storedFiles } from "./system";
import { users } from "./users";
import { workers } from "./workers";

// Benefits (santunan JKK / JKM, beasiswa) and their claims. See docs/benefits.md. Money is integer
// Rupiah; the amounts a claim is worth come from benefit_rates in force on the event date.

/** Effective-dated benefit rates (lib/domain/benefits.ts RATE_CODES): a new row from a date changes every later computation. */
export const benefitRates = pgTable(
  "benefit_rates",
  {
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    code: text("code").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    note: text("note"),
  },
  (t) => [primaryKey({ columns: [t.effectiveFrom, t.code] }), check("benefit_rates_amount", sql`${t.amount} >= 0`)],
);

export const claimType = pgEnum("claim_type", ["jkm", "jkk", "beasiswa"]);
export const jkkKind = pgEnum("jkk_kind", ["perawatan", "stmb", "cacat", "cacat_total", "kematian"]);
export const claimStatus = pgEnum("claim_status", ["dilaporkan", "dokumen_lengkap", "diajukan", "ditetapkan", "dibayar", "ditolak"]);
export const schoolLevel = pgEnum("school_level", ["tk_sd", "smp", "sma", "pt"]);

/**
 * A claim case (kasus klaim) of a person (by NIK, across enrollment rows). One open claim per
 * person, type and event (`event_key`: the event date, or for beasiswa the child and school year);
 * one death claim per recorded death; a paid claim is immutable (triggers, migration 0019).
 */
export const claims = pgTable(
  "claims",
  {
    id: serial("id").primaryKey(),
    nik: text("nik").notNull(),
    workerId: bigint("worker_id", { mode: "number" })
      .notNull()
      .references(() => workers.id),
    regencyCode: text("regency_code").notNull(),
    districtCode: text("district_code"),
    type: claimType("type").notNull(),
    jkkKind: jkkKind("jkk_kind"),
    eventDate: date("event_date", { mode: "string" }).notNull(),
    // JKK: when the accident happened (the 2 × 24 hour report runs from it).
    eventAt: timestamp("event_at", { withTimezone: true }),
    eventKey: text("event_key").notNull(),
    place: text("place"),
    description: text("description").notNull(),
    deathId: integer("death_id").references(() => deaths.id),
    // Beasiswa: the child, the school year ("2026/2027") and level, the guardian of a minor.
    childName: text("child_name"),
    childBirthDate: date("child_birth_date", { mode: "string" }),
    schoolYear: text("school_year"),
    schoolLevel: schoolLevel("school_level"),
    guardianName: text("guardian_name"),
    status: claimStatus("status").notNull().default("dilaporkan"),
    // BPJS's decision (penetapan): number, when, by which branch head; or the refusal's reason.
    penetapanNumber: text("penetapan_number"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => users.id),
    officeId: integer("office_id").references(() => offices.id),
    refusedReason: text("refused_reason"),
    accidentReportedAt: timestamp("accident_reported_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("claims_open_key")
      .on(t.nik, t.type, t.eventKey)
      .where(sql`${t.status} <> 'ditolak'`),
    uniqueIndex("claims_one_per_death_key")
      .on(t.deathId)
      .where(sql`${t.deathId} is not null and ${t.status} <> 'ditolak' and ${t.type} <> 'beasiswa'`),
    index("claims_regency_idx").on(t.regencyCode, t.status),
    index("claims_worker_idx").on(t.workerId),
    check("claims_jkk_kind", sql`(${t.type} = 'jkk') = (${t.jkkKind} is not null)`),
    check("claims_death", sql`not (${t.type} = 'jkm' or ${t.jkkKind} = 'kematian') or ${t.deathId} is not null`),
    check("claims_beasiswa", sql`${t.type} <> 'beasiswa' or (${t.childName} is not null and ${t.schoolYear} is not null and ${t.schoolLevel} is not null)`),
    check("claims_decided", sql`${t.status} not in ('ditetapkan', 'dibayar') or ${t.penetapanNumber} is not null`),
    check("claims_refused", sql`(${t.status} = 'ditolak') = (${t.refusedReason} is not null)`),
  ],
);

/** The amount BPJS set per component at penetapan (integer Rupiah ≥ 0). */
export const claimComponents = pgTable(
  "claim_components",
  {
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id),
    code: text("code").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.code] }), check("claim_components_amount", sql`${t.amount} >= 0`)],
);

/** Payments of a decided claim, one per heir when the benefit is split. */
export const claimPayments = pgTable(
  "claim_payments",
  {
    id: serial("id").primaryKey(),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id),
    heirName: text("heir_name").notNull(),
    relationship: text("relationship").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    paidOn: date("paid_on", { mode: "string" }).notNull(),
    // Only the last four digits of the account are kept.
    accountLast4: text("account_last4"),
    recordedBy: uuid("recorded_by").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("claim_payments_claim_idx").on(t.claimId),
    check("claim_payments_amount", sql`${t.amount} > 0`),
    check("claim_payments_account", sql`${t.accountLast4} is null or ${t.accountLast4} ~ '^[0-9]{4}$'`),
  ],
);

/** A claim's documents (PDF, JPEG or PNG ≤ 10 MB through the file door), one per kind (replaced by a new upload). */
export const claimDocuments = pgTable(
  "claim_documents",
  {
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id),
    kind: text("kind").notNull(),
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFiles.id),
    name: text("name").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.kind] })],
);
