import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { areaSettings, importBatches, importRows } from "@/db/schema";
import { assertCan } from "@/lib/authz/permissions";
import { regencyInScope, scopeOf } from "@/lib/authz/scope";
import type { Viewer } from "@/lib/authz/viewer";
import { IMPORT_COLUMNS } from "@/lib/domain/import-columns";
import { importStatusLabel, type ExistingMode, type ImportStatus } from "@/lib/domain/import-status";
import { env } from "@/lib/env";
import { writeAudit } from "./audit";
import { NotFoundError, UserFacingError } from "./errors";
import { dropImportFile } from "./internal/import-files";
import { summarizeImport } from "./internal/import-summary";

// Bulk import of workers: the officer's and supervisor's side (upload, progress, the rows to fix,
// commit, cancel). The worker process runs validation and commit (lib/data/jobs/imports.ts).

export type { ExistingMode, ImportStatus };

function ownArea(viewer: Viewer): string {
  if (!viewer.regencyCode) throw new UserFacingError("Impor hanya untuk petugas dan supervisor kabupaten/kota.");
  return viewer.regencyCode;
}

/**
 * Records an uploaded, checked file as a batch of the viewer's area. The same file (hash) in the
 * same area while a batch of it is live returns that batch: nothing doubles.
 */
export async function createImportBatch(
  viewer: Viewer,
  file: { storedName: string; originalName: string; hash: string; kind: "csv" | "xlsx"; size: number; notes: string[] },
  existing: ExistingMode,
): Promise<{ id: string; existed: boolean }> {
  assertCan(viewer.role, "imports.upload");
  const regencyCode = ownArea(viewer);
  return db().transaction(async (tx) => {
    const [row] = await tx
      .insert(importBatches)
      .values({
        regencyCode,
        fileName: file.originalName.slice(0, 200),
        fileHash: file.hash,
        fileKind: file.kind,
        fileSize: file.size,
        storedName: file.storedName,
        existing,
        notes: file.notes,
        uploadedBy: viewer.id,
      })
      .onConflictDoNothing({ target: [importBatches.regencyCode, importBatches.fileHash], where: sql`status not in ('gagal', 'dibatalkan')` })
      .returning({ id: importBatches.id });
    if (!row) {
      const [same] = await tx
        .select({ id: importBatches.id })
        .from(importBatches)
        .where(
          and(eq(importBatches.regencyCode, regencyCode), eq(importBatches.fileHash, file.hash), sql`${importBatches.status} not in ('gagal', 'dibatalkan')`),
        );
      return { id: same!.id, existed: true };
    }
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "import.upload",
      entityType: "import_batch",
      entityId: row.id,
      details: { file: file.originalName, size: file.size, kind: file.kind },
    });
    return { id: row.id, existed: false };
  });
}

const batchInScope = (viewer: Viewer) => regencyInScope(scopeOf(viewer), importBatches.regencyCode);

export async function listImportBatchesForViewer(viewer: Viewer) {
  assertCan(viewer.role, "imports.upload");
  return db()
    .select({
      id: importBatches.id,
      fileName: importBatches.fileName,
      status: importBatches.status,
      rowsTotal: importBatches.rowsTotal,
      createdAt: importBatches.createdAt,
      summary: importBatches.summary,
    })
    .from(importBatches)
    .where(batchInScope(viewer))
    .orderBy(desc(importBatches.createdAt))
    .limit(100);
}

/** A batch with its progress: rows done in the running phase, rate and ETA. */
export async function getImportBatchForViewer(viewer: Viewer, id: string) {
  assertCan(viewer.role, "imports.upload");
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new NotFoundError("Impor");
  const [b] = await db()
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.id, id), batchInScope(viewer)));
  if (!b) throw new NotFoundError("Impor");
  const [setting] = await db().select({ importOneStep: areaSettings.importOneStep }).from(areaSettings).where(eq(areaSettings.regencyCode, b.regencyCode));
  const committing = b.status === "menerapkan" || b.status === "selesai";
  // Watermarks count row numbers (the header is row 1): capped at the rows in the file.
  const done = Math.min(
    b.rowsTotal || Infinity,
    committing ? (b.status === "selesai" ? b.rowsTotal : b.committedThrough) : b.status === "tervalidasi" ? b.rowsTotal : b.validatedThrough,
  );
  const elapsed = b.phaseStartedAt ? (Date.now() - b.phaseStartedAt.getTime()) / 1000 : 0;
  const rate = elapsed > 0 && done > 0 ? done / elapsed : 0;
  const twoStep = !(setting?.importOneStep ?? false);
  return {
    ...b,
    statusLabel: importStatusLabel(b.status),
    phase: committing ? "menerapkan" : "validasi",
    progress: { done, total: b.rowsTotal, rate, etaSeconds: rate > 0 && b.rowsTotal > done ? Math.ceil((b.rowsTotal - done) / rate) : null },
    twoStep,
    retentionDays: env().IMPORT_ROWS_RETENTION_DAYS,
    canCommit: b.status === "tervalidasi" && (viewer.role === "supervisor" || (!twoStep && viewer.role === "petugas")),
  };
}

export type ImportErrorRow = { rowNo: number; cells: Record<string, string | null>; errors: string };

/**
 * The rows that will not be imported as they are (errors, duplicates, enrolled elsewhere), with the
 * reason; or (`kind` "peringatan") the flagged rows still to be imported, with what differs from the NIK.
 */
export async function listImportProblemRowsForViewer(viewer: Viewer, id: string, kind: "masalah" | "peringatan" = "masalah"): Promise<ImportErrorRow[]> {
  const b = await getImportBatchForViewer(viewer, id);
  if (b.rowsPurgedAt)
    throw new UserFacingError(`Baris berkas impor ini sudah dihapus (disimpan ${env().IMPORT_ROWS_RETENTION_DAYS} hari setelah impor berakhir).`);
  const rows = await db()
    .select()
    .from(importRows)
    .where(
      and(
        eq(importRows.batchId, id),
        kind === "peringatan"
          ? sql`${importRows.warnings} is not null and ${importRows.outcome} in ('valid', 'tidak_lengkap')`
          : sql`${importRows.outcome} in ('galat', 'duplikat_berkas', 'terdaftar_di_wilayah_lain')`,
      ),
    )
    .orderBy(importRows.rowNo);
  // The file holds NIKs and names (and says which are enrolled in another area): its download is
  // in the record of processing.
  await writeAudit(db(), {
    actorId: viewer.id,
    action: "import.problems_download",
    entityType: "import_batch",
    entityId: id,
    details: { kind, rows: rows.length, elsewhere: rows.filter((r) => r.outcome === "terdaftar_di_wilayah_lain").length },
  });
  return rows.map((r) => ({
    rowNo: r.rowNo,
    cells: Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, (r[camel(c) as keyof typeof r] as string | null | undefined) ?? null])),
    errors: ((kind === "peringatan" ? r.warnings : r.errors) ?? []).map((e) => `${e.column}: ${e.message}`).join("; "),
  }));
}

const camel = (c: string) => c.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase());

/** What to do with the flagged rows (birth date or sex differs from the NIK) at commit. */
export type FlaggedChoice = "impor" | "lewati";

/**
 * The officer's or supervisor's go: the worker applies the batch (maker-checker in two-step areas).
 * Flagged rows need a decision, as single registration needs the officer's confirmation: import
 * them as typed ("impor"), or leave them out ("lewati"), which makes them rows to fix.
 */
export async function requestImportCommit(viewer: Viewer, id: string, flagged?: FlaggedChoice) {
  assertCan(viewer.role, "imports.commit");
  const b = await getImportBatchForViewer(viewer, id);
  if (b.status !== "tervalidasi") throw new UserFacingError("Impor ini belum tervalidasi atau sudah diterapkan.");
  if (!b.canCommit) throw new UserFacingError("Di wilayah ini impor diterapkan oleh supervisor (dua langkah).");
  const nFlagged = b.summary?.peringatan ?? 0;
  if (nFlagged && !flagged) {
    const msg = `Pilih dulu apa yang dilakukan dengan ${nFlagged} baris bertanda (tanggal lahir atau jenis kelamin berbeda dengan NIK).`;
    throw new UserFacingError(msg, { flagged: [msg] });
  }
  await db().transaction(async (tx) => {
    const [row] = await tx
      .update(importBatches)
      .set({ status: "menerapkan", committedBy: viewer.id, phaseStartedAt: new Date() })
      .where(and(eq(importBatches.id, id), eq(importBatches.status, "tervalidasi")))
      .returning({ id: importBatches.id });
    if (!row) throw new UserFacingError("Impor ini sudah diproses.");
    if (nFlagged && flagged === "lewati") {
      await tx.execute(sql`update import_rows set outcome = 'galat', errors = warnings
        where batch_id = ${id} and warnings is not null and outcome in ('valid', 'tidak_lengkap')`);
      const summary = await summarizeImport(tx, id, b.regencyCode);
      await tx.update(importBatches).set({ summary }).where(eq(importBatches.id, id));
    }
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "import.approve",
      entityType: "import_batch",
      entityId: id,
      details: { file: b.fileName, ...(nFlagged ? { flagged: nFlagged, choice: flagged } : {}) },
    });
  });
}

export async function cancelImport(viewer: Viewer, id: string) {
  assertCan(viewer.role, "imports.upload");
  await getImportBatchForViewer(viewer, id);
  const [row] = await db()
    .update(importBatches)
    .set({ status: "dibatalkan", endedAt: sql`portal_now()` })
    .where(and(eq(importBatches.id, id), sql`${importBatches.status} in ('diunggah', 'memvalidasi', 'tervalidasi', 'gagal')`))
    .returning({ id: importBatches.id });
  if (!row) throw new UserFacingError("Impor yang sedang atau sudah diterapkan tidak dapat dibatalkan.");
  await writeAudit(db(), { actorId: viewer.id, action: "import.cancel", entityType: "import_batch", entityId: id, details: {} });
  await dropImportFile(id);
}
