import "server-only";
import { Readable } from "node:stream";
import { putFile, readFile, removeFile, setStoredContentType, statFile, type StoredFile } from "@/lib/data/files";
import { HttpError } from "@/lib/http-error";

// The one door for uploaded files (import lists, regulation PDFs, KPJ files, claim documents).
// Bodies are streamed with a byte limit (limitedBody); what is kept goes to the file store, whose
// default driver keeps files in PostgreSQL and whose second (FILE_STORAGE=s3) keeps the content in
// S3-compatible object storage (lib/data/files.ts, lib/object-store.ts). Downloads, retention and
// deletion are the same on both.

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

// What an upload is, by its first bytes (never its name or the Content-Type it claims).
const SNIFF = {
  pdf: { magic: Buffer.from("%PDF-", "latin1"), contentType: "application/pdf" },
  jpeg: { magic: Buffer.from([0xff, 0xd8, 0xff]), contentType: "image/jpeg" },
  png: { magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), contentType: "image/png" },
} as const;
export type UploadType = keyof typeof SNIFF;

/**
 * Streams an upload into the store, checking its type by its first bytes against `accept`.
 * Throws HttpError (413 too large, 415 another type, 400 empty).
 */
export async function receiveUpload(
  body: ReadableStream<Uint8Array> | null,
  args: { createdBy: string | null; kind: string; accept: UploadType[]; refused: string; maxBytes?: number; tooLarge?: string },
): Promise<StoredFile> {
  const maxBytes = args.maxBytes ?? MAX_PDF_BYTES;
  const tooLarge = args.tooLarge ?? `Berkas lebih dari ${maxBytes / 1024 / 1024} MB. Perkecil berkasnya lalu unggah lagi.`;
  const longest = Math.max(...args.accept.map((t) => SNIFF[t].magic.length));
  let contentType: string | null = null;
  async function* checked() {
    let head = Buffer.alloc(0);
    for await (const buf of limitedBody(body, maxBytes, tooLarge)) {
      if (contentType) {
        yield buf;
        continue;
      }
      head = Buffer.concat([head, buf]);
      if (head.length < longest) continue;
      const found = args.accept.find((t) => head.subarray(0, SNIFF[t].magic.length).equals(SNIFF[t].magic));
      if (!found) throw new HttpError(415, args.refused);
      contentType = SNIFF[found].contentType;
      yield head;
    }
    if (!contentType) throw new HttpError(head.length ? 415 : 400, head.length ? args.refused : "Berkas kosong.");
  }
  // The content type is known once the first bytes are in; the store records it at the end.
  const stored = await fileStore().put({ kind: args.kind, contentType: "application/octet-stream", createdBy: args.createdBy }, checked());
  await setStoredContentType(stored.id, contentType!);
  return { ...stored, contentType: contentType! };
}

/** Streams a PDF upload into the store (receiveUpload for PDF only). */
export async function receivePdf(
  body: ReadableStream<Uint8Array> | null,
  createdBy: string | null,
  what: { kind: "regulation_document" | "payment_proof" | "death_document" | "reconciliation_signed"; label: string },
  maxBytes = MAX_PDF_BYTES,
): Promise<StoredFile> {
  return receiveUpload(body, {
    createdBy,
    kind: what.kind,
    accept: ["pdf"],
    refused: `Berkas bukan PDF. Unggah ${what.label} dalam format PDF.`,
    maxBytes,
    tooLarge: `Berkas lebih dari ${maxBytes / 1024 / 1024} MB. Perkecil PDF-nya lalu unggah lagi.`,
  });
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
 * A stored PDF (or a sniffed JPEG/PNG) as a private download, whole or (with a `Range: bytes=a-b`
 * header) in part. Uploaded by users, so never rendered as part of the portal: an attachment,
 * under a CSP that forbids everything (ASVS V5.4). The caller has already found the file through
 * a scoped data function.
 */
export async function pdfResponse(fileId: string, name: string, rangeHeader: string | null = null): Promise<Response | null> {
  const stat = await fileStore().stat(fileId);
  if (!stat) return null;
  const sniffed = Object.values(SNIFF).some((t) => t.contentType === stat.contentType);
  const headers: Record<string, string> = {
    "Content-Type": sniffed ? stat.contentType : "application/pdf",
    "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    "Content-Security-Policy": "default-src 'none'; sandbox",
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
