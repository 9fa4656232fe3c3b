import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { regencies } from "./areas";
import { users } from "./users";

export const importStatus = pgEnum("import_status", ["diunggah", "memvalidasi", "tervalidasi", "menerapkan", "selesai", "gagal", "dibatalkan"]);
export const importRowOutcome = pgEnum("import_row_outcome", [
  "valid",
  "tidak_lengkap",
  "galat",
  "duplikat_berkas",
  "terdaftar_di_wilayah",
  "terdaftar_di_wilayah_lain",
]);

/**
 * One uploaded file of one area: validated (dry run) by the worker, then committed in chunks with
 * a durable watermark. The same file (hash) in the same area while a batch of it is live is the
 * same batch: uploading twice returns it.
 */
export const importBatches = pgTable(
  "import_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regencyCode: text("regency_code")
      .notNull()
      .references(() => regencies.code),
    fileName: text("file_name").notNull(),
    fileHash: text("file_hash").notNull(),
    fileKind: text("file_kind").notNull(),
    fileSize: bigint("file_size", { mode: "number" }).notNull(),
    storedName: text("stored_name").notNull(),
    status: importStatus("status").notNull().default("diunggah"),
    // What to do with NIKs already enrolled in this area: skip, or update the given fields.
    existing: text("existing").notNull().default("lewati"),
    notes: jsonb("notes")
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    summary: jsonb("summary").$type<Record<string, number>>(),
    rowsTotal: integer("rows_total").notNull().default(0),
    rowsLoaded: integer("rows_loaded").notNull().default(0),
    validatedThrough: integer("validated_through").notNull().default(0),
    // Rows covered by the committed chunks from the start (the progress bar), and the chunks
    // committed so far (chunk k holds row numbers k*C+1 … (k+1)*C); two chunks may commit at once.
    committedThrough: integer("committed_through").notNull().default(0),
    committedChunks: integer("committed_chunks")
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    error: text("error"),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    committedBy: uuid("committed_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    phaseStartedAt: timestamp("phase_started_at", { withTimezone: true }),
    validatedAt: timestamp("validated_at", { withTimezone: true }),
    committedAt: timestamp("committed_at", { withTimezone: true }),
    // When the batch finished, was cancelled or failed; its staging rows (they hold NIKs) are
    // deleted IMPORT_ROWS_RETENTION_DAYS later, and rowsPurgedAt says so on its page.
    endedAt: timestamp("ended_at", { withTimezone: true }),
    rowsPurgedAt: timestamp("rows_purged_at", { withTimezone: true }),
    // The worker process running a phase holds a lease until leaseUntil (claimImportBatch): a
    // second process never runs the same phase of one batch. Every claim counts an attempt; a
    // batch whose attempts keep ending in an unexpected error or a crash ends as gagal.
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    // How many times staging (the file read into import_rows) actually ran: once, normally.
    stagingRuns: integer("staging_runs").notNull().default(0),
  },
  (t) => [
    uniqueIndex("import_batches_live_file_key")
      .on(t.regencyCode, t.fileHash)
      .where(sql`${t.status} not in ('gagal', 'dibatalkan')`),
    index("import_batches_regency_idx").on(t.regencyCode, t.createdAt),
    check("import_batches_existing", sql`${t.existing} in ('lewati', 'perbarui')`),
  ],
);

/** The staging table: one row per data row of the file, raw text first, then what validation made of it. */
export const importRows = pgTable(
  "import_rows",
  {
    batchId: uuid("batch_id")
      .notNull()
      .references(() => importBatches.id, { onDelete: "cascade" }),
    rowNo: integer("row_no").notNull(),
    // Raw cells, as text.
    nik: text("nik"),
    nama: text("nama"),
    tanggalLahir: text("tanggal_lahir"),
    jenisKelamin: text("jenis_kelamin"),
    alamat: text("alamat"),
    kodeKecamatan: text("kode_kecamatan"),
    kodeKelurahan: text("kode_kelurahan"),
    noHp: text("no_hp"),
    pekerjaan: text("pekerjaan"),
    penghasilan: text("penghasilan"),
    nomorKk: text("nomor_kk"),
    sumberData: text("sumber_data"),
    ahliWarisNama: text("ahli_waris_nama"),
    ahliWarisHubungan: text("ahli_waris_hubungan"),
    ahliWarisNik: text("ahli_waris_nik"),
    // A line the parser could not read (e.g. an unbalanced quote).
    parseError: text("parse_error"),
    // Validation (done while the file streams in): normalised values, the outcome and errors.
    nikNorm: text("nik_norm"),
    cName: text("c_name"),
    cBirthDate: date("c_birth_date", { mode: "string" }),
    cSex: text("c_sex"),
    cAddress: text("c_address"),
    cDistrict: text("c_district"),
    cVillage: text("c_village"),
    cPhone: text("c_phone"),
    cOccupation: integer("c_occupation"),
    cIncome: integer("c_income"),
    cKk: text("c_kk"),
    cSource: text("c_source"),
    cHeirName: text("c_heir_name"),
    cHeirRelationship: text("c_heir_relationship"),
    cHeirNik: text("c_heir_nik"),
    outcome: importRowOutcome("outcome"),
    errors: jsonb("errors").$type<{ column: string; message: string }[]>(),
    // What differs from the NIK (birth date, sex) on a row that is otherwise good: imported only
    // when whoever commits confirms the flagged rows (else they become rows to fix).
    warnings: jsonb("warnings").$type<{ column: string; message: string }[]>(),
    existingWorkerId: bigint("existing_worker_id", { mode: "number" }),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.rowNo] })],
);
