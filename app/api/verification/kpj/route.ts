import { parse } from "csv-parse";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { NextResponse, type NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/authz/permissions";
import { recordKpjNumbers, type KpjRow } from "@/lib/data/workers";

const MAX_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 20_000;

/**
 * Upload of a two-column NIK → KPJ file (CSV, comma or semicolon; optional third column: coverage
 * start YYYY-MM-DD; a header row is recognised and skipped). Streamed and parsed row by row;
 * answers with a result per row.
 */
export async function POST(req: NextRequest) {
  const viewer = await getViewer();
  if (!viewer || viewer.mustChangePassword) return NextResponse.json({ message: "Silakan masuk." }, { status: 401 });
  if (!can(viewer.role, "workers.verify")) return NextResponse.json({ message: "Hanya kepala kantor cabang yang dapat mencatat KPJ." }, { status: 403 });
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BYTES || !req.body) return NextResponse.json({ message: "Berkas kosong atau lebih dari 5 MB." }, { status: 413 });
  const rows: KpjRow[] = [];
  let bytes = 0;
  try {
    const source = Readable.fromWeb(req.body as unknown as WebReadableStream<Uint8Array>).on("data", (c: Buffer) => {
      bytes += c.length;
      if (bytes > MAX_BYTES) source.destroy(new Error("too-large"));
    });
    const parser = source.pipe(parse({ delimiter: [",", ";"], bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }));
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const [nik = "", kpj = "", start = ""] = record;
      if (/^nik$/i.test(nik)) continue;
      rows.push({ line: info.lines, nik, kpj, coverageStart: start || null });
      if (rows.length > MAX_ROWS) return NextResponse.json({ message: `Paling banyak ${MAX_ROWS} baris per berkas.` }, { status: 413 });
    }
  } catch (e) {
    const tooLarge = e instanceof Error && e.message === "too-large";
    return NextResponse.json({ message: tooLarge ? "Berkas lebih dari 5 MB." : "Berkas tidak dapat dibaca sebagai CSV (kolom: nik, kpj, mulai)." }, { status: tooLarge ? 413 : 400 });
  }
  if (rows.length === 0) return NextResponse.json({ message: "Berkas tidak berisi baris data." }, { status: 400 });
  const results = await recordKpjNumbers(viewer, rows);
  const ok = results.filter((r) => r.ok).length;
  return NextResponse.json({ message: `${ok} dari ${results.length} baris dicatat.`, results });
}
