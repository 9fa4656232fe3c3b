import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Viewer } from "@/lib/authz/viewer";
import { createImportBatch } from "@/lib/data/imports";
import type { ExistingMode } from "@/lib/domain/import-status";
import { fileStore } from "@/lib/storage";
import { receiveWorkerList } from "./file";

/**
 * An upload end to end: the body streamed to a private temporary file and checked there (size,
 * real type, encoding, zip bomb: the zip check needs random access), then kept in the file store,
 * recorded as a batch of the viewer's area. The same file again returns the existing batch (and
 * its copy is dropped). Throws UserFacingError or HttpError.
 */
export async function stageUpload(viewer: Viewer, body: ReadableStream<Uint8Array> | null, originalName: string, existing: ExistingMode) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-upload-"));
  const tmp = path.join(dir, `${crypto.randomUUID()}.part`);
  try {
    const file = await receiveWorkerList(body, tmp);
    const contentType = file.kind === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv";
    const stored = await fileStore().put({ kind: "import_list", contentType, createdBy: viewer.id }, fs.createReadStream(tmp));
    const notes = file.kind === "xlsx" && file.sheets > 1 ? [`Berkas memiliki ${file.sheets} lembar kerja; hanya lembar pertama yang dibaca.`] : [];
    try {
      const batch = await createImportBatch(
        viewer,
        { storedName: stored.id, originalName, hash: file.hash, kind: file.kind, size: file.size, notes },
        existing,
      );
      if (batch.existed) await fileStore().remove(stored.id);
      return batch;
    } catch (e) {
      await fileStore().remove(stored.id);
      throw e;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
