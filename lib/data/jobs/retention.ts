import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { importBatches, importRows } from "@/db/schema";
import { env } from "@/lib/env";
import { writeAudit } from "../audit";
import { purgeIncompleteFiles } from "../files";
import { dropImportFile } from "../internal/import-files";

// Job: retention of personal data (UU PDP): an ended import's staging rows (NIKs, names) after
// IMPORT_ROWS_RETENTION_DAYS, a validated batch never committed in that time, and uploads that
// broke off mid-stream.
// Trigger: the daily schedule "retensi-harian" (02.15 WIB), and at worker start for a day it
//   missed. In demo/test mode also whenever the portal clock reaches a day not yet run.
// Idempotent: every step selects only what is still there to remove, batch by batch, each in its
//   own transaction; a second run finds nothing.

/** The daily run: both retention rules. Returns what it removed, for the log. */
export async function runRetention(): Promise<{ batches: number; files: number }> {
  const batches = await purgeEndedImportRows();
  const files = await purgeIncompleteFiles();
  return { batches, files };
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
