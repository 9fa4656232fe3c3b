import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { importBatches, importRows } from "@/db/schema";
import { keyedHash } from "@/lib/auth/seal";
import { today } from "@/lib/clock";
import { ANONYMISED_NIK } from "@/lib/domain/nik";
import { env } from "@/lib/env";
import { writeAudit } from "../audit";
import { purgeIncompleteFiles } from "../files";
import { dropImportFile } from "../internal/import-files";
import { pgArray, rows } from "../internal/rows";

// Job: retention of personal data (UU PDP): an ended import's staging rows (NIKs, names) after
// IMPORT_ROWS_RETENTION_DAYS, a validated batch never committed in that time, uploads that broke
// off mid-stream, and enrollments ended more than WORKER_RETENTION_YEARS ago (anonymised).
// Trigger: the daily schedule "retensi-harian" (02.15 WIB), and at worker start for a day it
//   missed. In demo/test mode also whenever the portal clock reaches a day not yet run.
// Idempotent: every step selects only what is still there to remove, batch by batch, each in its
//   own transaction; a second run finds nothing.

/** The daily run: every retention rule. Returns what it removed, for the log. */
export async function runRetention(): Promise<{ batches: number; files: number; anonymised: number }> {
  const batches = await purgeEndedImportRows();
  const files = await purgeIncompleteFiles();
  const anonymised = await anonymiseEndedWorkers();
  return { batches, files, anonymised };
}

/**
 * Enrollments ended more than WORKER_RETENTION_YEARS ago are anonymised: name, address, phone, KK
 * number and the heirs go; the NIK becomes ANONYMISED_NIK and is kept only as a keyed hash
 * (nik_hash, HMAC under AUTH_SECRET), so a re-registration still finds the earlier enrollment.
 * Status, area, dates, birth date and sex stay, so every aggregate keeps its counts. One audit
 * entry per person. Nothing is anonymised while
 *  - a claim of the person is open, or an education benefit may still be claimed (a child under
 *    23 on a beasiswa claim, or a child heir under 23 of a worker who died);
 *  - the person's bills or paid months are within FINANCE_RETENTION_YEARS (those records name the
 *    NIK and are kept for their own retention).
 * Batches of 1,000 in their own transactions; a second run finds nothing new.
 */
export async function anonymiseEndedWorkers(years = env().WORKER_RETENTION_YEARS, financeYears = env().FINANCE_RETENTION_YEARS): Promise<number> {
  const day = await today();
  let total = 0;
  for (;;) {
    const due = await rows<{ id: number; nik: string }>(
      db(),
      sql`select w.id, w.nik from workers w
           where w.status = 'berakhir' and w.anonymised_at is null and w.ended_on < ${day}::date - make_interval(years => ${years})
             and not exists (select 1 from claims c where c.worker_id = w.id and c.status not in ('dibayar', 'ditolak'))
             and not exists (select 1 from claims c where c.worker_id = w.id and c.type = 'beasiswa' and c.child_birth_date > ${day}::date - interval '23 years')
             and not exists (select 1 from worker_heirs h join deaths d on d.nik = w.nik
                              where h.worker_id = w.id and h.relationship = 'anak' and h.birth_date > ${day}::date - interval '23 years')
             and not exists (select 1 from bill_lines l where l.nik = w.nik and l.month >= ${day}::date - make_interval(years => ${financeYears}))
             and not exists (select 1 from paid_months p where p.nik = w.nik and p.month >= ${day}::date - make_interval(years => ${financeYears}))
           order by w.id limit 1000`,
    );
    if (!due.length) return total;
    const ids = due.map((d) => d.id);
    const hashes = due.map((d) => keyedHash(d.nik, "nik"));
    await db().transaction(async (tx) => {
      const done = await rows<{ id: number }>(
        tx,
        sql`update workers w set name = 'Data dianonimkan', address = '', phone = '', kk_number = null, nik = ${ANONYMISED_NIK},
                 nik_hash = h.hash, anonymised_at = now(), updated_at = now()
              from (select unnest(${pgArray(ids)}::bigint[]) as id, unnest(${pgArray(hashes)}::text[]) as hash) h
             where w.id = h.id and w.anonymised_at is null returning w.id`,
      );
      const doneIds = done.map((d) => d.id);
      if (!doneIds.length) return;
      await tx.execute(sql`delete from worker_heirs where worker_id = any(${pgArray(doneIds)}::bigint[])`);
      // One entry per person on their own trail, written as one statement (a job: no request).
      await tx.execute(sql`insert into audit_log (actor_id, action, entity_type, entity_id, details)
        select null, 'worker.anonymise', 'worker', id::text, jsonb_build_object('years', ${years}::int) from unnest(${pgArray(doneIds)}::bigint[]) id`);
      total += doneIds.length;
    });
  }
}

/**
 * Retention (UU PDP): the staging rows of batches that ended (finished, cancelled or failed) more
 * than IMPORT_ROWS_RETENTION_DAYS ago are deleted, and the batch records when. A batch validated
 * that long ago and never committed or cancelled is cancelled (one audit entry each) and its rows
 * and stored file go at once. The workers themselves, the batch's counts and its audit entries
 * stay. Run daily by the worker (lib/data/jobs/retention.ts header); idempotent. Returns how many batches lost their rows.
 */
export async function purgeEndedImportRows(days = env().IMPORT_ROWS_RETENTION_DAYS): Promise<number> {
  const stale = await db()
    .select({ id: importBatches.id })
    .from(importBatches)
    .where(and(eq(importBatches.status, "tervalidasi"), sql`${importBatches.validatedAt} < portal_now() - make_interval(days => ${days})`));
  for (const { id } of stale) {
    const expired = await db().transaction(async (tx) => {
      const [row] = await tx
        .update(importBatches)
        .set({
          status: "dibatalkan",
          endedAt: sql`portal_now() - make_interval(days => ${days})`,
          error: `Dibatalkan otomatis: tidak diterapkan dalam ${days} hari setelah validasi.`,
        })
        .where(and(eq(importBatches.id, id), eq(importBatches.status, "tervalidasi")))
        .returning({ id: importBatches.id });
      if (row) await writeAudit(tx, { actorId: null, action: "import.expire", entityType: "import_batch", entityId: id, details: { days } });
      return !!row;
    });
    if (expired) await dropImportFile(id);
  }
  const ended = await db()
    .select({ id: importBatches.id })
    .from(importBatches)
    .where(
      and(
        sql`${importBatches.status} in ('selesai', 'dibatalkan', 'gagal')`,
        isNull(importBatches.rowsPurgedAt),
        sql`${importBatches.endedAt} <= portal_now() - make_interval(days => ${days})`,
      ),
    );
  let purged = 0;
  for (const { id } of ended) {
    // Batch by batch, through the staging table's primary key.
    await db().transaction(async (tx) => {
      const [row] = await tx
        .update(importBatches)
        .set({ rowsPurgedAt: sql`portal_now()` })
        .where(and(eq(importBatches.id, id), isNull(importBatches.rowsPurgedAt)))
        .returning({ id: importBatches.id });
      if (!row) return;
      await tx.delete(importRows).where(eq(importRows.batchId, id));
      purged++;
    });
  }
  return purged;
}
