import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import { Transform, Readable } from "node:stream";
import yauzl from "yauzl";
import { UserFacingError } from "@/lib/data/errors";
import { HttpError } from "@/lib/http-error";
import { limitedBody } from "@/lib/storage";

// File checks of an uploaded worker list, before anything is parsed: size, real type (from the
// content, not the extension), text encoding, and for XLSX the zip's declared sizes (a zip bomb
// is refused before a single entry is inflated).

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const MAX_XLSX_ENTRIES = 5_000;
const MAX_XLSX_UNCOMPRESSED = 400 * 1024 * 1024;
const MAX_ENTRY_RATIO = 200;

export type ReceivedFile = { path: string; size: number; hash: string; kind: "csv" | "xlsx"; sheets: number };

/**
 * Streams a request body to `path` (never whole in memory), refusing more than MAX_UPLOAD_BYTES,
 * hashing it, and checking what it is. Throws a UserFacingError with an Indonesian message.
 */
export async function receiveWorkerList(body: ReadableStream<Uint8Array> | null, path: string): Promise<ReceivedFile> {
  if (!body) throw new UserFacingError("Berkas kosong.");
  const hash = createHash("sha256");
  let size = 0;
  let head = Buffer.alloc(0);
  // UTF-8 is checked as the bytes pass; the verdict only matters if the file turns out to be CSV.
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  let utf8Error = false;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      hash.update(chunk);
      if (head.length < 8192) head = Buffer.concat([head, chunk.subarray(0, 8192 - head.length)]);
      if (!utf8Error) {
        try {
          utf8.decode(chunk, { stream: true });
        } catch {
          utf8Error = true;
        }
      }
      done(null, chunk);
    },
  });
  try {
    // The byte limit is the file door's, as for every upload (lib/storage.ts).
    const limited = limitedBody(body, MAX_UPLOAD_BYTES, `Berkas lebih dari ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Bagi menjadi beberapa berkas.`);
    await pipeline(Readable.from(limited), meter, fs.createWriteStream(path, { mode: 0o600 }));
  } catch (e) {
    fs.rmSync(path, { force: true });
    if (e instanceof UserFacingError || e instanceof HttpError) throw e;
    throw new UserFacingError("Unggahan terputus; coba lagi.");
  }
  try {
    if (!utf8Error) {
      try {
        utf8.decode();
      } catch {
        utf8Error = true;
      }
    }
    if (size === 0) throw new UserFacingError("Berkas kosong.");
    const kind = sniff(head);
    let sheets = 1;
    if (kind === "xlsx") sheets = await checkZip(path);
    else if (kind === "csv" && utf8Error) {
      throw new UserFacingError(
        'Berkas CSV bukan UTF-8 (kemungkinan Windows-1252 dari Excel lama). Simpan ulang sebagai "CSV UTF-8 (dipisah koma)" lalu unggah lagi.',
      );
    } else if (kind === "xls") throw new UserFacingError("Format .xls (Excel 97–2003) tidak didukung: simpan sebagai .xlsx atau CSV UTF-8.");
    else if (kind === null) throw new UserFacingError("Jenis berkas tidak didukung: unggah CSV atau XLSX (Excel).");
    return { path, size, hash: hash.digest("hex"), kind: kind as "csv" | "xlsx", sheets };
  } catch (e) {
    fs.rmSync(path, { force: true });
    throw e;
  }
}

/** The real type from the first bytes: XLSX is a zip; CSV is text without NUL bytes; else null. */
export function sniff(head: Buffer): "csv" | "xlsx" | "xls" | null {
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) return "xlsx";
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return "xls";
  if (head.includes(0)) return null;
  // PDF, PNG, JPEG, GIF are text-free in their first bytes often enough to name them.
  if (/^(%PDF|\x89PNG|GIF8)/.test(head.subarray(0, 4).toString("latin1")) || (head[0] === 0xff && head[1] === 0xd8)) return null;
  return "csv";
}

/** Reads the zip's central directory only: entry count, declared sizes and ratios, then closes. Returns the number of sheets. */
function checkZip(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err || !zip) return reject(new UserFacingError("Berkas XLSX rusak atau bukan berkas Excel yang valid."));
      if (zip.entryCount > MAX_XLSX_ENTRIES) {
        zip.close();
        return reject(new UserFacingError("Berkas XLSX memuat terlalu banyak bagian; berkas ini ditolak demi keamanan."));
      }
      let total = 0;
      let sawWorkbook = false;
      let sheets = 0;
      zip.on("entry", (e: yauzl.Entry) => {
        total += e.uncompressedSize;
        if (e.fileName === "xl/workbook.xml") sawWorkbook = true;
        if (/^xl\/worksheets\/sheet\d+\.xml$/.test(e.fileName)) sheets++;
        const ratio = e.compressedSize > 0 ? e.uncompressedSize / e.compressedSize : e.uncompressedSize > 0 ? Infinity : 0;
        if (total > MAX_XLSX_UNCOMPRESSED || (e.uncompressedSize > 1024 * 1024 && ratio > MAX_ENTRY_RATIO)) {
          zip.close();
          return reject(new UserFacingError('Isi berkas XLSX jauh lebih besar dari ukurannya (kemungkinan "zip bomb"); berkas ditolak.'));
        }
        zip.readEntry();
      });
      zip.on("end", () => (sawWorkbook ? resolve(sheets) : reject(new UserFacingError("Berkas zip ini bukan buku kerja Excel (XLSX)."))));
      zip.on("error", () => reject(new UserFacingError("Berkas XLSX rusak atau bukan berkas Excel yang valid.")));
      zip.readEntry();
    });
  });
}
