import "server-only";
import fs from "node:fs";
import { parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import readline from "node:readline";
import ExcelJS from "exceljs";
import { IMPORT_COLUMNS } from "@/lib/domain/import-columns";
import { UserFacingError } from "@/lib/data/errors";

// Reads a stored worker list as a stream of row batches (never the whole file in memory): the header
// maps columns by name, unknown columns are ignored and reported, `nik` and `nama` must exist.

export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export type RawRow = { rowNo: number; cells: Partial<Record<ImportColumn, string>>; parseError: string | null };
export type Header = { columns: (ImportColumn | null)[]; unknown: string[]; notes: string[] };

/** Which columns a list has and which it must have: the worker template by default; BPJS's participant list for reconciliation. */
export type ColumnSpec = { columns: readonly string[]; required: readonly string[] };
export const IMPORT_SPEC: ColumnSpec = { columns: IMPORT_COLUMNS, required: ["nik", "nama"] };
/** Rows are handed on in batches: one await per row costs more than the row. */
const BATCH = 500;
const normaliseHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s\-./]+/g, "_");

export function readHeader(cells: string[], spec: ColumnSpec = IMPORT_SPEC): Header {
  const columns = cells.map((c) => {
    const n = normaliseHeader(c);
    return spec.columns.includes(n) ? (n as ImportColumn) : null;
  });
  const unknown = cells.filter((c, i) => columns[i] === null && c.trim() !== "").map((c) => c.trim());
  const missing = spec.required.filter((r) => !(columns as (string | null)[]).includes(r));
  if (missing.length) throw new UserFacingError(`Kolom wajib tidak ada: ${missing.join(", ")}. Gunakan templat (baris pertama berisi nama kolom).`);
  const notes = unknown.length
    ? [`Kolom tidak dikenal diabaikan: ${unknown.slice(0, 10).join(", ")}${unknown.length > 10 ? ` dan ${unknown.length - 10} lainnya` : ""}.`]
    : [];
  return { columns, unknown, notes };
}

function toRow(header: Header, cells: string[], rowNo: number): RawRow {
  const row: RawRow = { rowNo, cells: {}, parseError: null };
  header.columns.forEach((col, i) => {
    if (col && cells[i] !== undefined && cells[i] !== "") row.cells[col] = cells[i];
  });
  if (cells.length > header.columns.length + 5)
    row.parseError = `Baris ini memiliki ${cells.length} kolom, padahal kepala berkas ${header.columns.length} kolom.`;
  return row;
}

/** CSV: UTF-8 with or without BOM, comma or semicolon (whichever the header line uses). */
export async function* readCsv(path: string, onHeader: (h: Header) => void, spec: ColumnSpec = IMPORT_SPEC): AsyncGenerator<RawRow[]> {
  const fd = fs.openSync(path, "r");
  const buf = Buffer.alloc(64 * 1024);
  const n = fs.readSync(fd, buf, 0, buf.length, 0);
  fs.closeSync(fd);
  const first = buf.subarray(0, n).toString("utf8").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ";" : ",";
  const skipped: { line: number; message: string; code?: string }[] = [];
  const parser = fs
    .createReadStream(path)
    .pipe(parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, skip_records_with_error: true, trim: true, info: true }));
  parser.on("skip", (err: Error & { lines?: number; code?: string }) => skipped.push({ line: err.lines ?? 0, message: err.message, code: err.code }));
  let header: Header | null = null;
  let rowNo = 1;
  let lastLine = 0;
  let batch: RawRow[] = [];
  // A quote opened and never closed swallows every line after it into one field, to the end of
  // the file. That line is reported, and the lines it swallowed are read again one by one.
  let unclosed: { from: number; to: number } | null = null;
  const unreadable = () => {
    while (skipped.length) {
      const s = skipped.shift()!;
      if (s.code === "CSV_QUOTE_NOT_CLOSED") {
        unclosed = { from: lastLine + 1, to: s.line };
        continue;
      }
      rowNo++;
      batch.push({ rowNo, cells: {}, parseError: "Baris ini tidak dapat dibaca (tanda kutip tidak seimbang atau format CSV rusak)." });
    }
  };
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    // A record the parser had to skip (e.g. an unbalanced quote) is reported in its place.
    unreadable();
    lastLine = info.lines;
    if (!header) {
      header = readHeader(record, spec);
      onHeader(header);
      continue;
    }
    rowNo++;
    batch.push(toRow(header, record, rowNo));
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  unreadable();
  const broken = unclosed as { from: number; to: number } | null;
  if (broken && header) {
    const lines = await linesOf(path, broken.from, broken.to);
    rowNo++;
    batch.push({
      rowNo,
      cells: {},
      parseError: `Tanda kutip (") di baris ${broken.from} tidak pernah ditutup, sehingga baris ${broken.from}–${broken.to} terbaca sebagai satu sel. Baris ${broken.from} tidak diimpor; baris sesudahnya dibaca ulang satu per satu.`,
    });
    for (const [i, text] of lines.slice(1).entries()) {
      if (!text.trim()) continue;
      rowNo++;
      try {
        const [cells] = parseSync(text, { delimiter, relax_column_count: true, trim: true, bom: false }) as string[][];
        batch.push(toRow(header, cells ?? [], rowNo));
      } catch {
        batch.push({ rowNo, cells: {}, parseError: `Baris ${broken.from + 1 + i} tidak dapat dibaca (tanda kutip tidak seimbang).` });
      }
    }
  }
  if (batch.length) yield batch;
  if (!header) throw new UserFacingError("Berkas kosong.");
}

/** Lines `from`..`to` (1-based) of a text file, read as a stream. */
async function linesOf(path: string, from: number, to: number): Promise<string[]> {
  const out: string[] = [];
  let n = 0;
  const rl = readline.createInterface({ input: fs.createReadStream(path), crlfDelay: Infinity });
  for await (const line of rl) {
    n++;
    if (n >= from && n <= to) out.push(line);
    if (n > to) break;
  }
  rl.close();
  return out;
}

/** An Excel cell as the text an officer sees; numbers that Excel made of NIKs are flagged, not guessed. */
function cellText(v: ExcelJS.CellValue, column: ImportColumn | null): { text: string; problem?: string } {
  if (v === null || v === undefined) return { text: "" };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10) };
  if (typeof v === "number") {
    if ((column === "nik" || column === "ahli_waris_nik" || column === "nomor_kk") && v >= 1e14) {
      return {
        text: String(v),
        problem: `${column === "nomor_kk" ? "Nomor KK" : "NIK"} tersimpan sebagai angka di Excel (digit terakhir bisa hilang); format kolomnya sebagai Teks lalu ketik ulang.`,
      };
    }
    return { text: String(v) };
  }
  if (typeof v === "object") {
    if ("formula" in v || "sharedFormula" in v) return { text: "", problem: "Sel berisi rumus; salin lalu tempel sebagai nilai." };
    if ("richText" in v) return { text: v.richText.map((r) => r.text).join("") };
    if ("text" in v) return { text: String(v.text) };
    if ("error" in v) return { text: "", problem: `Sel berisi galat Excel (${v.error}).` };
  }
  return { text: String(v) };
}

/** XLSX: the first sheet only (the caller notes it when there are more), streamed. */
export async function* readXlsx(path: string, onHeader: (h: Header) => void, spec: ColumnSpec = IMPORT_SPEC): AsyncGenerator<RawRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  let header: Header | null = null;
  let batch: RawRow[] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      if (!header) {
        header = readHeader(
          values.map((v) => cellText(v, null).text),
          spec,
        );
        onHeader(header);
        continue;
      }
      const problems: string[] = [];
      const cells = values.map((v, i) => {
        const c = cellText(v, header!.columns[i] ?? null);
        if (c.problem) problems.push(`${header!.columns[i] ?? `kolom ${i + 1}`}: ${c.problem}`);
        return c.text.trim();
      });
      if (cells.every((c) => c === "")) continue;
      const out = toRow(header, cells, row.number);
      if (problems.length && !out.parseError) out.parseError = problems.join(" ");
      batch.push(out);
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    break; // only the first sheet
  }
  if (batch.length) yield batch;
  if (!header) throw new UserFacingError("Berkas kosong.");
}
