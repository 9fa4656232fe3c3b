import { sql } from "drizzle-orm";
import { bigint, boolean, check, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

// The system's own tables: the movable clock, scheduled runs, stored files.

/**
 * The app's date clock in demo and test mode: at most one row. portal_now() and the app (lib/clock.ts)
 * both read it, so a test can move to the 1st or the 16th and see what a scheduled job does then.
 * The app refuses to write it in production, and the worker refuses to start there while a row exists.
 */
export const portalClock = pgTable(
  "portal_clock",
  {
    id: integer("id").primaryKey().default(1),
    pinnedAt: timestamp("pinned_at", { withTimezone: true }).notNull(),
    setAt: timestamp("set_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("portal_clock_single_row", sql`${t.id} = 1`)],
);

/**
 * One row per scheduled job and period it ran for ("2026-12" for a monthly job, "2026-12-01" for a
 * daily one): the primary key makes a second run of the same period a no-op, and the worker reads
 * the last period to catch up on the ones it missed while stopped.
 */
export const jobRuns = pgTable(
  "job_runs",
  {
    job: text("job").notNull(),
    period: text("period").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    result: text("result"),
  },
  (t) => [primaryKey({ columns: [t.job, t.period] })],
);

/**
 * The primary's heartbeat, written by the worker at every sweep (a few seconds). Read on a replica,
 * now() minus it is how far that replica's data lags, whatever the write traffic: the read pool
 * (db/reader.ts) falls back to the primary when it is too old.
 */
export const portalHeartbeat = pgTable(
  "portal_heartbeat",
  {
    id: integer("id").primaryKey().default(1),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("portal_heartbeat_single_row", sql`${t.id} = 1`)],
);

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/**
 * Uploaded files (import lists, regulation PDFs, claim documents...). The row is the file's record
 * on every driver (kind, type, size, complete, who, when: what retention and downloads read); the
 * content is where `storage` says: in PostgreSQL (the default driver, chunks of 256 KiB below) or
 * in S3-compatible object storage under the key `files/<id>` (FILE_STORAGE=s3, lib/storage.ts).
 * A file keeps the driver it was written with, so switching drivers leaves older files readable.
 */
export const storedFiles = pgTable(
  "stored_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    contentType: text("content_type").notNull(),
    storage: text("storage").notNull().default("postgres"),
    size: bigint("size", { mode: "number" }).notNull().default(0),
    complete: boolean("complete").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("stored_files_storage_check", sql`${t.storage} in ('postgres', 's3')`),
    index("stored_files_incomplete_idx")
      .on(t.createdAt)
      .where(sql`not ${t.complete}`),
  ],
);

export const storedFileChunks = pgTable(
  "stored_file_chunks",
  {
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFiles.id, { onDelete: "cascade" }),
    n: integer("n").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.n] })],
);
