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
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { offices } from "./offices";
import { regulations } from "./regulations";
import { storedFiles } from "./system";
import { users } from "./users";
import { workers } from "./workers";

// Contributions (iuran). See docs/contributions.md. Money is integer Rupiah. A person is their NIK:
// one contribution history across enrollment rows (a move, a re-registration).

export const billStatus = pgEnum("bill_status", ["draf", "diterbitkan", "batal"]);
// iuran: the month's contribution; susulan: a month of an issued bill found due later (a back-dated
// activation); koreksi: a credit for a line of an issued bill that was not due (a late-recorded death).
export const billLineKind = pgEnum("bill_line_kind", ["iuran", "susulan", "koreksi"]);
export const paymentStatus = pgEnum("payment_status", ["dicatat", "dibatalkan"]);
export const paymentPartStatus = pgEnum("payment_part_status", ["menunggu", "dikonfirmasi", "dibatalkan", "dibalik"]);

/** One bill per regulation × BPJS branch × WIB month (partial unique: a void bill can be redrafted). */
export const bills = pgTable(
  "bills",
  {
    id: serial("id").primaryKey(),
    regulationId: integer("regulation_id")
      .notNull()
      .references(() => regulations.id),
    regencyCode: text("regency_code").notNull(),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    month: date("month", { mode: "string" }).notNull(),
    status: billStatus("status").notNull().default("draf"),
    kodeIuran: text("kode_iuran"),
    draftedAt: timestamp("drafted_at", { withTimezone: true }).notNull().defaultNow(),
    issuedAt: timestamp("issued_at", { withTimezone: true }),
    issuedBy: uuid("issued_by").references(() => users.id),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    voidedBy: uuid("voided_by").references(() => users.id),
    voidReason: text("void_reason"),
  },
  (t) => [
    uniqueIndex("bills_one_per_month_key")
      .on(t.regulationId, t.officeId, t.month)
      .where(sql`${t.status} <> 'batal'`),
    index("bills_office_idx").on(t.officeId, t.status, t.month),
    index("bills_regency_idx").on(t.regencyCode, t.month),
    check("bills_month_first", sql`extract(day from ${t.month}) = 1`),
    check("bills_issued", sql`(${t.status} = 'diterbitkan') = (${t.kodeIuran} is not null and ${t.issuedAt} is not null) or ${t.status} = 'batal'`),
    check("bills_kode_iuran", sql`${t.kodeIuran} is null or ${t.kodeIuran} ~ '^[0-9]{11}$'`),
    check("bills_voided", sql`(${t.status} = 'batal') = (${t.voidedAt} is not null and ${t.voidReason} is not null)`),
  ],
);

/** One line per bill × person × month × kind; a person is charged at most once for a month (live lines). */
export const billLines = pgTable(
  "bill_lines",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    billId: integer("bill_id")
      .notNull()
      .references(() => bills.id),
    workerId: bigint("worker_id", { mode: "number" })
      .notNull()
      .references(() => workers.id),
    nik: text("nik").notNull(),
    districtCode: text("district_code").notNull(),
    month: date("month", { mode: "string" }).notNull(),
    kind: billLineKind("kind").notNull().default("iuran"),
    jkk: integer("jkk").notNull(),
    jkm: integer("jkm").notNull(),
    amount: integer("amount").notNull(),
    correctsLineId: bigint("corrects_line_id", { mode: "number" }),
    // Set with the bill's voiding: the person-month is free to be billed again.
    voided: boolean("voided").notNull().default(false),
  },
  (t) => [
    uniqueIndex("bill_lines_bill_person_month_key").on(t.billId, t.nik, t.month, t.kind),
    uniqueIndex("bill_lines_person_month_key")
      .on(t.nik, t.month)
      .where(sql`${t.kind} <> 'koreksi' and not ${t.voided}`),
    uniqueIndex("bill_lines_correction_key")
      .on(t.correctsLineId)
      .where(sql`${t.kind} = 'koreksi' and not ${t.voided}`),
    index("bill_lines_bill_idx").on(t.billId, t.month),
    index("bill_lines_worker_idx").on(t.workerId),
    check("bill_lines_amount", sql`${t.amount} >= 0 and ${t.jkk} >= 0 and ${t.jkm} >= 0 and ${t.amount} = ${t.jkk} + ${t.jkm}`),
    check("bill_lines_month_first", sql`extract(day from ${t.month}) = 1`),
    check("bill_lines_correction", sql`(${t.kind} = 'koreksi') = (${t.correctsLineId} is not null)`),
  ],
);

/** One payment is one SP2D of the regional treasury. */
export const payments = pgTable(
  "payments",
  {
    id: serial("id").primaryKey(),
    regulationId: integer("regulation_id")
      .notNull()
      .references(() => regulations.id),
    regencyCode: text("regency_code").notNull(),
    number: text("number").notNull(),
    fiscalYear: integer("fiscal_year").notNull(),
    paidOn: date("paid_on", { mode: "string" }).notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    proofFileId: uuid("proof_file_id").references(() => storedFiles.id),
    proofName: text("proof_name"),
    status: paymentStatus("status").notNull().default("dicatat"),
    // Recorded past the fiscal year's allocation, confirmed by the supervisor.
    overBudget: boolean("over_budget").notNull().default(false),
    idempotencyKey: uuid("idempotency_key").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledBy: uuid("cancelled_by").references(() => users.id),
    cancelReason: text("cancel_reason"),
  },
  (t) => [
    uniqueIndex("payments_idempotency_key").on(t.idempotencyKey),
    uniqueIndex("payments_number_key")
      .on(t.regencyCode, t.fiscalYear, t.number)
      .where(sql`${t.status} <> 'dibatalkan'`),
    index("payments_regulation_idx").on(t.regulationId, t.paidOn),
    check("payments_amount", sql`${t.amount} > 0`),
    check("payments_number", sql`length(trim(${t.number})) > 0`),
    check("payments_year", sql`${t.fiscalYear} = extract(year from ${t.paidOn})`),
    check("payments_cancelled", sql`(${t.status} = 'dibatalkan') = (${t.cancelledAt} is not null)`),
  ],
);

/** A payment's part for one branch: that branch head confirms it with BPJS's receipt number. */
export const paymentParts = pgTable(
  "payment_parts",
  {
    id: serial("id").primaryKey(),
    paymentId: integer("payment_id")
      .notNull()
      .references(() => payments.id),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    amount: bigint("amount", { mode: "number" }).notNull(),
    status: paymentPartStatus("status").notNull().default("menunggu"),
    receiptNumber: text("receipt_number"),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    confirmedOn: date("confirmed_on", { mode: "string" }),
    confirmedBy: uuid("confirmed_by").references(() => users.id),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedBy: uuid("ended_by").references(() => users.id),
    endReason: text("end_reason"),
  },
  (t) => [
    index("payment_parts_payment_idx").on(t.paymentId),
    index("payment_parts_office_idx").on(t.officeId, t.status),
    check("payment_parts_amount", sql`${t.amount} >= 0`),
    check(
      "payment_parts_confirmed",
      sql`(${t.status} in ('dikonfirmasi', 'dibalik')) = (${t.receiptNumber} is not null and ${t.confirmedAt} is not null and ${t.confirmedOn} is not null)`,
    ),
    check("payment_parts_reversed", sql`${t.status} <> 'dibalik' or ${t.endReason} is not null`),
  ],
);

/** Which bill lines a part pays (koreksi lines in it are credits used). `live` while the part is. */
export const paymentLines = pgTable(
  "payment_lines",
  {
    partId: integer("part_id")
      .notNull()
      .references(() => paymentParts.id),
    billLineId: bigint("bill_line_id", { mode: "number" })
      .notNull()
      .references(() => billLines.id),
    live: boolean("live").notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.partId, t.billLineId] }),
    uniqueIndex("payment_lines_line_key")
      .on(t.billLineId)
      .where(sql`${t.live}`),
  ],
);

/**
 * The months a person is paid for: one row per NIK and month (the primary key: paid at most once),
 * written in the same transaction as the confirmation, removed by its reversal.
 */
export const paidMonths = pgTable(
  "paid_months",
  {
    nik: text("nik").notNull(),
    month: date("month", { mode: "string" }).notNull(),
    billLineId: bigint("bill_line_id", { mode: "number" })
      .notNull()
      .references(() => billLines.id),
    partId: integer("part_id")
      .notNull()
      .references(() => paymentParts.id),
    confirmedOn: date("confirmed_on", { mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.nik, t.month] }), index("paid_months_part_idx").on(t.partId)],
);

/**
 * Per aktif person, the time-independent summary of the contribution history that the state of
 * any day follows from (lib/domain/contribution-state.ts): kept by refresh_contributions(niks)
 * (migration 0014) from every write to workers and paid_months.
 */
export const personContributions = pgTable(
  "person_contributions",
  {
    nik: text("nik").primaryKey(),
    workerId: bigint("worker_id", { mode: "number" }).notNull(),
    regencyCode: text("regency_code").notNull(),
    districtCode: text("district_code").notNull(),
    regulationId: integer("regulation_id").notNull(),
    // First month of the current continuous membership (coverage start's month).
    startMonth: date("start_month", { mode: "string" }).notNull(),
    // Coverage started after the 15th: the first month falls due with the second.
    lateStart: boolean("late_start").notNull(),
    // Last month of the paid run from startMonth (startMonth − 1 month when it is unpaid).
    paidThrough: date("paid_through", { mode: "string" }).notNull(),
    // Paid months after the first unpaid one (gaps a reversal left), the last paid month, and the
    // longest run of unpaid months between paid ones.
    paidAfter: integer("paid_after").notNull(),
    lastPaid: date("last_paid", { mode: "string" }).notNull(),
    longestGap: integer("longest_gap").notNull(),
    // Months paid over all time (masa iur), across enrollments.
    masaIur: integer("masa_iur").notNull(),
  },
  (t) => [index("person_contributions_regency_idx").on(t.regencyCode, t.regulationId)],
);

/** person_contributions grouped by area, kecamatan, regulation and summary: what dashboards read. */
export const aggContribution = pgTable(
  "agg_contribution",
  {
    regencyCode: text("regency_code").notNull(),
    districtCode: text("district_code").notNull(),
    regulationId: integer("regulation_id").notNull(),
    startMonth: date("start_month", { mode: "string" }).notNull(),
    lateStart: boolean("late_start").notNull(),
    paidThrough: date("paid_through", { mode: "string" }).notNull(),
    paidAfter: integer("paid_after").notNull(),
    lastPaid: date("last_paid", { mode: "string" }).notNull(),
    longestGap: integer("longest_gap").notNull(),
    masaCapped: integer("masa_capped").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [
    primaryKey({
      name: "agg_contribution_pk",
      columns: [t.regencyCode, t.districtCode, t.regulationId, t.startMonth, t.lateStart, t.paidThrough, t.paidAfter, t.lastPaid, t.longestGap, t.masaCapped],
    }),
  ],
);

/**
 * agg_contribution rolled up per kabupaten/kota, with whether the kecamatan is served by a branch
 * (`covered`: else its contributions are not billed): what area, province and national views read,
 * a few hundred rows per area whatever its size. Kept by triggers on agg_contribution and
 * branch_coverage (migration 0021); a branch's view reads agg_contribution by kecamatan.
 */
export const aggContributionArea = pgTable(
  "agg_contribution_area",
  {
    regencyCode: text("regency_code").notNull(),
    covered: boolean("covered").notNull(),
    regulationId: integer("regulation_id").notNull(),
    startMonth: date("start_month", { mode: "string" }).notNull(),
    lateStart: boolean("late_start").notNull(),
    paidThrough: date("paid_through", { mode: "string" }).notNull(),
    paidAfter: integer("paid_after").notNull(),
    lastPaid: date("last_paid", { mode: "string" }).notNull(),
    longestGap: integer("longest_gap").notNull(),
    masaCapped: integer("masa_capped").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [
    primaryKey({
      name: "agg_contribution_area_pk",
      columns: [t.regencyCode, t.covered, t.regulationId, t.startMonth, t.lateStart, t.paidThrough, t.paidAfter, t.lastPaid, t.longestGap, t.masaCapped],
    }),
  ],
);

/**
 * A branch head's reactivation of a person who stayed nonaktif past the regulation's rejoin window
 * (BPJS treats it as a new registration): the membership restarts on `reactivatedOn`, so the
 * months before it are no longer due and the state runs from there (membership_start(), 0017).
 */
export const contributionReactivations = pgTable(
  "contribution_reactivations",
  {
    id: serial("id").primaryKey(),
    nik: text("nik").notNull(),
    workerId: bigint("worker_id", { mode: "number" })
      .notNull()
      .references(() => workers.id),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    reactivatedOn: date("reactivated_on", { mode: "string" }).notNull(),
    reason: text("reason").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("contribution_reactivations_nik_idx").on(t.nik, t.reactivatedOn),
    check("contribution_reactivations_reason", sql`length(trim(${t.reason})) >= 5`),
  ],
);

export const refundStatus = pgEnum("refund_status", ["diajukan", "diterima"]);

/**
 * A credit left when a regulation ends (SP2D money never allocated) becomes a refund to the Kas
 * Daerah, per the agreement with BPJS: made when the regulation ends (or when an SP2D is recorded
 * on an ended regulation), and marked received by the supervisor with the STS number and date.
 */
export const creditRefunds = pgTable(
  "credit_refunds",
  {
    id: serial("id").primaryKey(),
    regulationId: integer("regulation_id")
      .notNull()
      .references(() => regulations.id),
    regencyCode: text("regency_code").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    status: refundStatus("status").notNull().default("diajukan"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id),
    receivedOn: date("received_on", { mode: "string" }),
    reference: text("reference"),
    receivedBy: uuid("received_by").references(() => users.id),
  },
  (t) => [
    index("credit_refunds_regulation_idx").on(t.regulationId),
    check("credit_refunds_amount", sql`${t.amount} > 0`),
    check("credit_refunds_received", sql`(${t.status} = 'diterima') = (${t.receivedOn} is not null and ${t.reference} is not null)`),
  ],
);

/** Which payments' unallocated money a refund takes (so that money is no longer the regulation's credit). */
export const creditRefundPayments = pgTable(
  "credit_refund_payments",
  {
    refundId: integer("refund_id")
      .notNull()
      .references(() => creditRefunds.id),
    paymentId: integer("payment_id")
      .notNull()
      .references(() => payments.id),
    amount: bigint("amount", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.refundId, t.paymentId] }),
    index("credit_refund_payments_payment_idx").on(t.paymentId),
    check("credit_refund_payments_amount", sql`${t.amount} > 0`),
  ],
);

export const reconciliationStatus = pgEnum("reconciliation_status", ["selesai", "terkunci"]);

/**
 * BPJS's participant list of one regulation, branch and month, compared with the portal (nothing
 * is changed by it). One per regulation × branch × month: a new upload replaces the comparison
 * until the signed berita acara locks it.
 */
export const reconciliations = pgTable(
  "reconciliations",
  {
    id: serial("id").primaryKey(),
    regulationId: integer("regulation_id")
      .notNull()
      .references(() => regulations.id),
    regencyCode: text("regency_code").notNull(),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    month: date("month", { mode: "string" }).notNull(),
    status: reconciliationStatus("status").notNull().default("selesai"),
    fileId: uuid("file_id").references(() => storedFiles.id),
    fileName: text("file_name").notNull(),
    rows: integer("rows").notNull(),
    // Count per category (cocok, hanya_bpjs, hanya_portal, status_berbeda, nik_kpj_berbeda, bulan_berbeda, tidak_terbaca).
    counts: jsonb("counts").$type<Record<string, number>>().notNull(),
    signedFileId: uuid("signed_file_id").references(() => storedFiles.id),
    signedName: text("signed_name"),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    lockedBy: uuid("locked_by").references(() => users.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("reconciliations_month_key").on(t.regulationId, t.officeId, t.month),
    check("reconciliations_month_first", sql`extract(day from ${t.month}) = 1`),
    check("reconciliations_locked", sql`(${t.status} = 'terkunci') = (${t.signedFileId} is not null and ${t.lockedAt} is not null)`),
  ],
);

/** Every row that is not a plain match, with its category and both sides (for the downloads and the links). */
export const reconciliationRows = pgTable(
  "reconciliation_rows",
  {
    reconciliationId: integer("reconciliation_id")
      .notNull()
      .references(() => reconciliations.id, { onDelete: "cascade" }),
    n: integer("n").notNull(),
    category: text("category").notNull(),
    rowNo: integer("row_no"),
    kpj: text("kpj"),
    nik: text("nik"),
    name: text("name"),
    bpjsStatus: text("bpjs_status"),
    bpjsLastPaid: text("bpjs_last_paid"),
    workerId: bigint("worker_id", { mode: "number" }),
    portalKpj: text("portal_kpj"),
    portalLastPaid: text("portal_last_paid"),
    problem: text("problem"),
  },
  (t) => [primaryKey({ columns: [t.reconciliationId, t.n] }), index("reconciliation_rows_category_idx").on(t.reconciliationId, t.category)],
);

/**
 * A death, recorded once per person (by NIK, across enrollment rows), apart from any claim: it
 * ends the enrollment through the ending path on `diedOn` (berakhir, meninggal). Immutable but for
 * attaching the document (akta/surat keterangan kematian) later (trigger, migration 0018).
 */
export const deaths = pgTable(
  "deaths",
  {
    id: serial("id").primaryKey(),
    nik: text("nik").notNull(),
    workerId: bigint("worker_id", { mode: "number" })
      .notNull()
      .references(() => workers.id),
    regencyCode: text("regency_code").notNull(),
    districtCode: text("district_code"),
    diedOn: date("died_on", { mode: "string" }).notNull(),
    documentFileId: uuid("document_file_id").references(() => storedFiles.id),
    documentName: text("document_name"),
    recordedBy: uuid("recorded_by").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("deaths_nik_key").on(t.nik), index("deaths_worker_idx").on(t.workerId)],
);
