import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { districts, regencies, villages } from "./areas";
import { regulationIssuer, regulations } from "./regulations";
import { users } from "./users";

export const workerStatus = pgEnum("worker_status", [
  "draft",
  "menunggu_persetujuan",
  "diajukan",
  "daftar_tunggu",
  "diverifikasi",
  "aktif",
  "berakhir",
  "ditolak",
]);
export const bpjsSector = pgEnum("bpjs_sector", ["petani", "nelayan", "lainnya"]);

/** Occupation categories are data, each mapped to BPJS's reporting sector. */
export const occupations = pgTable("occupations", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  sector: bpjsSector("sector").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
});

/** Per kabupaten/kota: whether a supervisor approves submissions (two-step) before they count. */
export const areaSettings = pgTable(
  "area_settings",
  {
    regencyCode: text("regency_code")
      .primaryKey()
      .references(() => regencies.code),
    requiresApproval: boolean("requires_approval").notNull().default(false),
    // Bulk imports are maker-checker (an officer uploads, the supervisor commits) unless the area
    // chooses one step, where the officer may commit too.
    importOneStep: boolean("import_one_step").notNull().default(false),
    // Which funder's regulations fill first (regulations issue, item 7); null = the default order.
    funderPriority: regulationIssuer("funder_priority").array(),
    // The kop and signature of the documents the Dinas prints (quarterly report, letters, berita
    // acara); null = "Dinas Tenaga Kerja" and an empty signature line to fill in by hand.
    dinasName: text("dinas_name"),
    kopAddress: text("kop_address"),
    headTitle: text("head_title"),
    headName: text("head_name"),
    // NIP of a civil servant: 18 digits.
    headNip: text("head_nip"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("area_settings_head_nip", sql`${t.headNip} is null or ${t.headNip} ~ '^[0-9]{18}$'`)],
);

/**
 * One enrollment of a person in one kabupaten/kota. Re-registration after `berakhir` is a new
 * row for the same NIK; at most one live row per NIK in the country (partial unique index).
 */
export const workers = pgTable(
  "workers",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    nik: text("nik").notNull(),
    name: text("name").notNull(),
    birthDate: date("birth_date").notNull(),
    sex: text("sex").notNull(),
    address: text("address").notNull().default(""),
    regencyCode: text("regency_code")
      .notNull()
      .references(() => regencies.code),
    districtCode: text("district_code").references(() => districts.code),
    villageCode: text("village_code").references(() => villages.code),
    phone: text("phone").notNull().default(""),
    occupationId: integer("occupation_id").references(() => occupations.id),
    income: integer("income").notNull().default(1000000),
    kkNumber: text("kk_number"),
    source: text("source").notNull().default(""),
    status: workerStatus("status").notNull().default("draft"),
    regulationId: integer("regulation_id").references(() => regulations.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    kpjNumber: text("kpj_number"),
    coverageStart: date("coverage_start"),
    endReason: text("end_reason"),
    // The day the ending took effect (a death on 28 November recorded on 3 December: 28 November),
    // typed by the person who records it; figures go by it, not by when it was typed.
    endedOn: date("ended_on", { mode: "string" }),
    // The WIB day the current status took effect (set by the workers_status_since trigger): the
    // day the aggregates bucket the status change in.
    statusSince: date("status_since", { mode: "string" })
      .notNull()
      .default(sql`(portal_now() at time zone 'Asia/Jakarta')::date`),
    rejectionReason: text("rejection_reason"),
    flaggedReason: text("flagged_reason"),
    // Retention (UU PDP): an enrollment ended long ago is anonymised (lib/data/jobs/retention.ts):
    // name, address, phone and KK go, the NIK becomes the placeholder ANONYMISED_NIK and survives
    // only as a keyed hash, so a re-registration still finds the earlier enrollment.
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
    nikHash: text("nik_hash"),
    createdBy: uuid("created_by").references(() => users.id),
    // The import batch that created it (bulk import), shown in its history.
    importBatchId: uuid("import_batch_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("workers_live_nik_key")
      .on(t.nik)
      .where(sql`${t.status} <> 'berakhir'`),
    uniqueIndex("workers_live_kpj_key")
      .on(t.kpjNumber)
      .where(sql`${t.status} <> 'berakhir' and ${t.kpjNumber} is not null`),
    index("workers_regency_status_idx").on(t.regencyCode, t.status),
    // Also answers "oldest waiting in the branch queue" without visiting every row.
    index("workers_district_status_idx").on(t.districtCode, t.status, t.submittedAt),
    index("workers_regulation_idx").on(t.regulationId, t.status),
    index("workers_waiting_idx")
      .on(t.regencyCode, t.submittedAt)
      .where(sql`${t.status} = 'daftar_tunggu'`),
    index("workers_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
    check("workers_nik_format", sql`${t.nik} ~ '^[0-9]{16}$'`),
    check(
      "workers_anonymised",
      sql`(${t.anonymisedAt} is null and ${t.nik} <> '0000000000000000' and ${t.nikHash} is null) or (${t.anonymisedAt} is not null and ${t.status} = 'berakhir' and ${t.nik} = '0000000000000000' and ${t.nikHash} is not null)`,
    ),
    index("workers_nik_hash_idx")
      .on(t.nikHash)
      .where(sql`${t.nikHash} is not null`),
    check("workers_sex", sql`${t.sex} in ('L', 'P')`),
    check("workers_income", sql`${t.income} >= 0`),
    // A place is held exactly while diajukan, diverifikasi or aktif.
    check("workers_place_by_status", sql`(${t.status} in ('diajukan', 'diverifikasi', 'aktif')) = (${t.regulationId} is not null)`),
    check("workers_aktif_has_kpj", sql`${t.status} <> 'aktif' or (${t.kpjNumber} is not null and ${t.coverageStart} is not null)`),
    check("workers_village_in_district", sql`${t.villageCode} is null or left(${t.villageCode}, 8) = ${t.districtCode}`),
    check("workers_district_in_regency", sql`${t.districtCode} is null or left(${t.districtCode}, 5) = ${t.regencyCode}`),
    check("workers_ended_on", sql`(${t.status} = 'berakhir') = (${t.endedOn} is not null)`),
    check("workers_ended_after_start", sql`${t.endedOn} is null or ${t.coverageStart} is null or ${t.endedOn} >= ${t.coverageStart}`),
  ],
);

/** lib/domain/heirs.ts HEIR_RELATIONSHIPS: the groups of Permenaker 4/2023 Ps 57, in their order. */
export const heirRelationship = pgEnum("heir_relationship", [
  "istri",
  "suami",
  "anak",
  "orang_tua",
  "cucu",
  "kakek_nenek",
  "saudara_kandung",
  "mertua",
  "ditunjuk",
]);

/**
 * A worker's heirs (ahli waris), listed in the legal order (lib/domain/heirs.ts heirRank). The NIK
 * is 16 digits and never the worker's own (trigger worker_heirs_not_self, migration 0020); the
 * bank account is shown masked. Registration and bulk import write the first heir here.
 */
export const workerHeirs = pgTable(
  "worker_heirs",
  {
    id: serial("id").primaryKey(),
    workerId: bigint("worker_id", { mode: "number" })
      .notNull()
      .references(() => workers.id),
    name: text("name").notNull(),
    // Null only for a draft's heir that was typed without one before the list existed (migration 0020).
    relationship: heirRelationship("relationship"),
    nik: text("nik"),
    birthDate: date("birth_date", { mode: "string" }),
    phone: text("phone"),
    bankName: text("bank_name"),
    bankAccount: text("bank_account"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("worker_heirs_worker_idx").on(t.workerId),
    uniqueIndex("worker_heirs_nik_key")
      .on(t.workerId, t.nik)
      .where(sql`${t.nik} is not null`),
    check("worker_heirs_name", sql`length(${t.name}) between 1 and 150`),
    check("worker_heirs_nik_format", sql`${t.nik} is null or ${t.nik} ~ '^[0-9]{16}$'`),
    check("worker_heirs_account", sql`${t.bankAccount} is null or ${t.bankAccount} ~ '^[0-9]{6,20}$'`),
    check("worker_heirs_bank", sql`(${t.bankAccount} is null) = (${t.bankName} is null)`),
  ],
);

/** Status history: who moved a worker, when, from what to what, and why. */
export const workerEvents = pgTable(
  "worker_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workerId: integer("worker_id").notNull(),
    // portal_now(): the same clock as the aggregate buckets (migration 0006).
    at: timestamp("at", { withTimezone: true })
      .notNull()
      .default(sql`portal_now()`),
    actorId: uuid("actor_id").references(() => users.id),
    fromStatus: workerStatus("from_status"),
    toStatus: workerStatus("to_status").notNull(),
    regulationId: integer("regulation_id"),
    reason: text("reason"),
    // The WIB day the change took effect: coverage start for an activation, the typed date for an
    // ending, the day itself otherwise. `at` stays the moment it was recorded.
    effectiveOn: date("effective_on", { mode: "string" })
      .notNull()
      .default(sql`(portal_now() at time zone 'Asia/Jakarta')::date`),
  },
  (t) => [
    index("worker_events_worker_idx").on(t.workerId, t.at),
    index("worker_events_taken_idx")
      .on(t.regulationId, t.at)
      .where(sql`${t.toStatus} = 'diajukan'`),
  ],
);

/**
 * Who was aktif under which regulation from when to when: one row per person and regulation from
 * coverage start (or the day of a move onto the regulation) to the day the ending or the move off
 * it took effect (inclusive; null while open). Kept by the workers_coverage trigger (migration
 * 0013) from every write to `workers`, so no write path can forget it. Billing and every "aktif in
 * month M" answer read these (or their monthly rollup, agg_coverage_monthly).
 */
export const coverageSpans = pgTable(
  "coverage_spans",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workerId: bigint("worker_id", { mode: "number" })
      .notNull()
      .references(() => workers.id),
    regulationId: integer("regulation_id")
      .notNull()
      .references(() => regulations.id),
    regencyCode: text("regency_code").notNull(),
    districtCode: text("district_code").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
  },
  (t) => [
    uniqueIndex("coverage_spans_open_key")
      .on(t.workerId)
      .where(sql`${t.endsOn} is null`),
    index("coverage_spans_regulation_idx").on(t.regulationId, t.startsOn),
    index("coverage_spans_worker_idx").on(t.workerId, t.startsOn),
    index("coverage_spans_regency_idx").on(t.regencyCode, t.startsOn),
    check("coverage_spans_order", sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const correctionStatus = pgEnum("correction_status", ["menunggu", "disetujui", "ditolak"]);

/** The identity fields a correction request may change (NIK, name, birth date, sex). */
export type IdentityFields = { nik?: string; name?: string; birthDate?: string; sex?: string };

/**
 * After verification the identity fields are BPJS's record: an officer's change of them is a
 * request that the branch serving the worker's kecamatan approves or rejects. One open request
 * per worker.
 */
export const correctionRequests = pgTable(
  "correction_requests",
  {
    id: serial("id").primaryKey(),
    workerId: bigint("worker_id", { mode: "number" })
      .notNull()
      .references(() => workers.id),
    status: correctionStatus("status").notNull().default("menunggu"),
    before: jsonb("before").$type<IdentityFields>().notNull(),
    changes: jsonb("changes").$type<IdentityFields>().notNull(),
    requestedBy: uuid("requested_by").references(() => users.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
  },
  (t) => [
    uniqueIndex("correction_requests_open_key")
      .on(t.workerId)
      .where(sql`${t.status} = 'menunggu'`),
    check("correction_requests_decided", sql`(${t.status} = 'menunggu') = (${t.decidedAt} is null)`),
  ],
);
