import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import type { Viewer } from "@/lib/authz/viewer";
import { createImportBatch, type ExistingMode } from "@/lib/data/imports";
import { importFilePath } from "@/lib/storage";
import { receiveWorkerList } from "./file";

/**
 * An upload end to end: the body streamed to disk and checked (size, real type, encoding, zip
 * bomb), stored under a generated name, recorded as a batch of the viewer's area. The same file
 * again returns the existing batch (and its copy is dropped). Throws UserFacingError.
 */
export async function stageUpload(viewer: Viewer, body: ReadableStream<Uint8Array> | null, originalName: string, existing: ExistingMode) {
  const tmp = importFilePath(`${crypto.randomUUID()}.csv`) + ".part";
  try {
    const file = await receiveWorkerList(body, tmp);
    const storedName = `${crypto.randomUUID()}.${file.kind}`;
    fs.renameSync(tmp, importFilePath(storedName));
    const notes = file.kind === "xlsx" && file.sheets > 1 ? [`Berkas memiliki ${file.sheets} lembar kerja; hanya lembar pertama yang dibaca.`] : [];
    const batch = await createImportBatch(viewer, { storedName, originalName, hash: file.hash, kind: file.kind, size: file.size, notes }, existing);
    if (batch.existed) fs.rmSync(importFilePath(storedName), { force: true });
    return batch;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
