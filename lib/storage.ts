import "server-only";
import { Readable } from "node:stream";
import { putFile, readFile, removeFile, statFile, type StoredFile } from "@/lib/data/files";
import { HttpError } from "@/lib/http-error";

// The one door for uploaded files (import lists, regulation PDFs, KPJ files; claim documents
// next). Bodies are streamed with a byte limit (limitedBody); what is kept goes to the file store,
// whose default driver keeps files in PostgreSQL (lib/data/files.ts).

export const MAX_PDF_BYTES = 10 * 1024 * 1024;

export type { StoredFile };

export interface FileStore {
  put(meta: { kind: string; contentType: string; createdBy: string | null }, source: AsyncIterable<Buffer | Uint8Array>): Promise<StoredFile>;
  stat(id: string): Promise<StoredFile | null>;
  read(id: string, range?: { start: number; end: number }): Readable;
  remove(id: string): Promise<void>;
}

const postgresStore: FileStore = { put: putFile, stat: statFile, read: readFile, remove: removeFile };

export function fileStore(): FileStore {
  return postgresStore;
}

/**
 * A request body as a stream of buffers that stops with HttpError(413, `tooLarge`) once more than
 * `maxBytes` have come (whatever Content-Length claimed), and HttpError(400) when there is none.
 */
export async function* limitedBody(body: ReadableStream<Uint8Array> | null, maxBytes: number, tooLarge: string): AsyncGenerator<Buffer> {
  if (!body) throw new HttpError(400, "Tidak ada berkas yang dikirim.");
  let size = 0;
  for await (const chunk of Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>)) {
    const buf = Buffer.from(chunk as Uint8Array);
    size += buf.length;
    if (size > maxBytes) throw new HttpError(413, tooLarge);
    yield buf;
  }
}

/** Reads a limited body whole (small files only, e.g. a KPJ list of ≤ 5 MB). */
export async function readLimitedBody(body: ReadableStream<Uint8Array> | null, maxBytes: number, tooLarge: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const b of limitedBody(body, maxBytes, tooLarge)) parts.push(b);
  return Buffer.concat(parts);
}

/**
 * Streams a PDF upload into the store, checking it is a PDF by its first bytes (not its name).
 * Throws HttpError (413 too large, 415 not a PDF, 400 empty).
 */
export async function receivePdf(body: ReadableStream<Uint8Array> | null, createdBy: string | null, maxBytes = MAX_PDF_BYTES): Promise<StoredFile> {
  const tooLarge = `Berkas lebih dari ${maxBytes / 1024 / 1024} MB. Perkecil PDF-nya lalu unggah lagi.`;
  async function* checked() {
    let head = Buffer.alloc(0);
    let checkedHead = false;
    for await (const buf of limitedBody(body, maxBytes, tooLarge)) {
      if (!checkedHead) {
        head = Buffer.concat([head, buf]);
        if (head.length < 5) continue;
        if (head.subarray(0, 5).toString("latin1") !== "%PDF-") throw new HttpError(415, "Berkas bukan PDF. Unggah dokumen regulasi dalam format PDF.");
        checkedHead = true;
        yield head;
        continue;
      }
      yield buf;
    }
    if (!checkedHead)
      throw new HttpError(head.length ? 415 : 400, head.length ? "Berkas bukan PDF. Unggah dokumen regulasi dalam format PDF." : "Berkas kosong.");
  }
  return fileStore().put({ kind: "regulation_document", contentType: "application/pdf", createdBy }, checked());
}

export async function removeStoredFile(id: string | null) {
  if (id) await fileStore().remove(id);
}

/** The file name an upload gave in its X-File-Name header, reduced to safe characters (≤ 150). */
export function uploadName(headers: Headers, fallback: string): string {
  const raw = decodeURIComponent(headers.get("x-file-name") ?? fallback);
  return raw.replace(/[^\p{L}\p{N} ._()-]/gu, "_").slice(0, 150) || fallback;
}

/**
 * A stored PDF as a private inline response, whole or (with a `Range: bytes=a-b` header) in part
 * for PDF viewers. The caller has already found the file through a scoped data function.
 */
export async function pdfResponse(fileId: string, name: string, rangeHeader: string | null = null): Promise<Response | null> {
  const stat = await fileStore().stat(fileId);
  if (!stat) return null;
  const headers: Record<string, string> = {
    "Content-Type": "application/pdf",
    "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(name)}`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Accept-Ranges": "bytes",
  };
  const range = /^bytes=(\d+)-(\d*)$/.exec(rangeHeader ?? "");
  if (range) {
    const start = Number(range[1]);
    const end = Math.min(range[2] ? Number(range[2]) : stat.size - 1, stat.size - 1);
    if (start > end) return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${stat.size}` } });
    const body = Readable.toWeb(fileStore().read(fileId, { start, end })) as ReadableStream;
    return new Response(body, {
      status: 206,
      headers: { ...headers, "Content-Range": `bytes ${start}-${end}/${stat.size}`, "Content-Length": String(end - start + 1) },
    });
  }
  return new Response(Readable.toWeb(fileStore().read(fileId)) as ReadableStream, { headers: { ...headers, "Content-Length": String(stat.size) } });
}
