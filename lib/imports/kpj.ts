import "server-only";
import { parse } from "csv-parse";
import { Readable } from "node:stream";
import { HttpError } from "@/lib/http-error";
import type { KpjRow } from "@/lib/data/workers";

export const MAX_KPJ_BYTES = 5 * 1024 * 1024;
export const MAX_KPJ_ROWS = 20_000;

/**
 * A branch's NIK → KPJ file (CSV, comma or semicolon; optional third column: coverage start
 * YYYY-MM-DD; a header row is recognised and skipped), parsed row by row with line numbers.
 * Throws HttpError with an Indonesian message.
 */
export async function parseKpjFile(content: Buffer): Promise<KpjRow[]> {
  const rows: KpjRow[] = [];
  try {
    const parser = Readable.from([content]).pipe(
      parse({ delimiter: [",", ";"], bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }),
    );
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const [nik = "", kpj = "", start = ""] = record;
      if (/^nik$/i.test(nik)) continue;
      rows.push({ line: info.lines, nik, kpj, coverageStart: start || null });
      if (rows.length > MAX_KPJ_ROWS) throw new HttpError(413, `Paling banyak ${MAX_KPJ_ROWS} baris per berkas.`);
    }
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw new HttpError(400, "Berkas tidak dapat dibaca sebagai CSV (kolom: nik, kpj, mulai).");
  }
  if (rows.length === 0) throw new HttpError(400, "Berkas tidak berisi baris data.");
  return rows;
}
