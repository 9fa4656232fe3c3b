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
// content, not the extension), text encoding, and for XLSX the zip itself: both headers of every
// entry, and its bytes counted while inflating (checkZip).

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const MAX_XLSX_ENTRIES = 5_000;
const MAX_XLSX_UNCOMPRESSED = 400 * 1024 * 1024;
const MAX_ENTRY_RATIO = 200;
const MAX_SHARED_STRINGS_BYTES = 64 * 1024 * 1024;

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
    if (size === 0) throw new UserFacingError("Berkas kosong. Isi templat dengan satu baris per pekerja (baris pertama: nama kolom), lalu unggah lagi.");
    if (looksLikeHtml(head)) {
      // Many government systems "export to Excel" as an HTML table saved with an .xls name.
      throw new UserFacingError(
        'Berkas ini sebenarnya halaman web (tabel HTML), bukan berkas Excel, meski bernama .xls/.xlsx. Buka di Excel, pilih "Simpan Sebagai" → "Buku Kerja Excel (.xlsx)" atau "CSV UTF-8", lalu unggah berkas itu.',
      );
    }
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

/** An HTML document or table (what "export to Excel" of many web systems really writes). */
export function looksLikeHtml(head: Buffer): boolean {
  const text = head
    .subarray(0, 2048)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  return /^<(!doctype html|html|table|head|body|meta|\?xml[^>]*>\s*<html)/.test(text) || (text.startsWith("<") && /<table[\s>]/.test(text));
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

/**
 * The zip behind an XLSX, checked before ExcelJS reads it. ExcelJS (through unzipper) streams the
 * local headers while a size check reads the central directory, so a file whose central directory
 * lies would pass a check of the directory alone. Here every entry is:
 *  - compared with its local header (name, method, sizes unless a data descriptor follows): a
 *    file whose two headers disagree is refused;
 *  - inflated once, counting the bytes as they come (yauzl also refuses more bytes than declared),
 *    and stopped at MAX_XLSX_UNCOMPRESSED in total, at MAX_SHARED_STRINGS_BYTES for the
 *    shared-strings table, and at MAX_ENTRY_RATIO for a large entry.
 * Returns the number of sheets.
 */
async function checkZip(path: string): Promise<number> {
  const fd = await fs.promises.open(path, "r");
  try {
    return await new Promise<number>((resolve, reject) => {
      const bomb = () => new UserFacingError('Isi berkas XLSX jauh lebih besar dari ukurannya (kemungkinan "zip bomb"); berkas ditolak.');
      const broken = () => new UserFacingError("Berkas XLSX rusak atau bukan berkas Excel yang valid.");
      yauzl.open(path, { lazyEntries: true, autoClose: true, validateEntrySizes: true }, (err, zip) => {
        if (err || !zip) return reject(broken());
        if (zip.entryCount > MAX_XLSX_ENTRIES) {
          zip.close();
          return reject(new UserFacingError("Berkas XLSX memuat terlalu banyak bagian; berkas ini ditolak demi keamanan."));
        }
        let total = 0;
        let sawWorkbook = false;
        let sheets = 0;
        let done = false;
        const stop = (e: Error) => {
          if (done) return;
          done = true;
          zip.close();
          reject(e);
        };
        zip.on("entry", (e: yauzl.Entry) => {
          void (async () => {
            if (!(await localHeaderAgrees(fd, e))) {
              return stop(new UserFacingError("Berkas XLSX tidak konsisten (kepala berkas zip saling bertentangan); berkas ditolak demi keamanan."));
            }
            if (e.fileName === "xl/workbook.xml") sawWorkbook = true;
            if (/^xl\/worksheets\/sheet\d+\.xml$/.test(e.fileName)) sheets++;
            if (e.fileName.endsWith("/")) return zip.readEntry();
            const cap = e.fileName === "xl/sharedStrings.xml" ? MAX_SHARED_STRINGS_BYTES : Infinity;
            zip.openReadStream(e, (err2, stream) => {
              if (err2 || !stream) return stop(broken());
              let inflated = 0;
              stream.on("data", (chunk: Buffer) => {
                inflated += chunk.length;
                total += chunk.length;
                const ratio = e.compressedSize > 0 ? inflated / e.compressedSize : Infinity;
                if (total > MAX_XLSX_UNCOMPRESSED || inflated > cap || (inflated > 1024 * 1024 && ratio > MAX_ENTRY_RATIO)) {
                  stream.destroy();
                  stop(inflated > cap ? new UserFacingError("Tabel teks berkas XLSX terlalu besar; berkas ditolak demi keamanan.") : bomb());
                }
              });
              // yauzl: more (or fewer) bytes than the central directory declared.
              stream.on("error", () => stop(bomb()));
              stream.on("end", () => !done && zip.readEntry());
            });
          })().catch(() => stop(broken()));
        });
        zip.on("end", () => {
          if (done) return;
          done = true;
          if (sawWorkbook) resolve(sheets);
          else reject(new UserFacingError("Berkas zip ini bukan buku kerja Excel (XLSX)."));
        });
        zip.on("error", () => stop(broken()));
        zip.readEntry();
      });
    });
  } finally {
    await fd.close();
  }
}

/** Whether an entry's local header names the same file, method and sizes as the central directory. */
async function localHeaderAgrees(fd: fs.promises.FileHandle, e: yauzl.Entry): Promise<boolean> {
  const head = Buffer.alloc(30);
  const { bytesRead } = await fd.read(head, 0, 30, e.relativeOffsetOfLocalHeader);
  if (bytesRead < 30 || head.readUInt32LE(0) !== 0x04034b50) return false;
  const flags = head.readUInt16LE(6);
  const method = head.readUInt16LE(8);
  const compressed = head.readUInt32LE(18);
  const size = head.readUInt32LE(22);
  const nameLength = head.readUInt16LE(26);
  const name = Buffer.alloc(nameLength);
  await fd.read(name, 0, nameLength, e.relativeOffsetOfLocalHeader + 30);
  if (name.toString("utf8") !== e.fileName || method !== e.compressionMethod) return false;
  // Sizes follow in a data descriptor (bit 3) or in a zip64 field (0xFFFFFFFF): then the inflated
  // count above is the check.
  if (flags & 0x08 || compressed === 0xffffffff || size === 0xffffffff) return true;
  return compressed === e.compressedSize && size === e.uncompressedSize;
}
