import "server-only";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { PassThrough, Readable } from "node:stream";
import { neutralizeFormula } from "@/lib/domain/spreadsheet";

type Cell = string | number | null;
type Rows = Cell[][] | AsyncIterable<Cell[][]>;

async function* batches(rows: Rows): AsyncGenerator<Cell[][]> {
  if (Array.isArray(rows)) {
    for (let i = 0; i < rows.length; i += 1000) yield rows.slice(i, i + 1000);
  } else yield* rows;
}

const safe = (r: Cell[]) => r.map((v) => (typeof v === "number" ? v : neutralizeFormula(v ?? "")));

/**
 * A table as a CSV (UTF-8 with BOM, for Excel) or XLSX download, written as it is read: rows come
 * as an array or in batches from a cursor, and neither writer holds the whole file (ExcelJS's
 * streaming WorkbookWriter commits each row). Text cells are formula-safe (a leading ' before
 * = + - @ tab CR); numbers stay numbers; `textColumns` (1-based, e.g. NIK) are formatted as text
 * so Excel keeps every digit. `onEnd` runs once the body is written or the download is aborted.
 */
export function spreadsheetResponse(args: {
  fileBase: string;
  sheet: string;
  header: string[];
  rows: Rows;
  format: string | null;
  textColumns?: number[];
  onEnd?: () => Promise<void> | void;
}): Response {
  const headers = { "Cache-Control": "private, no-store" };
  let ended = false;
  const end = async () => {
    if (ended) return;
    ended = true;
    await args.onEnd?.();
  };
  if (args.format === "xlsx") {
    const out = new PassThrough();
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = book.addWorksheet(args.sheet);
    for (const c of args.textColumns ?? []) sheet.getColumn(c).numFmt = "@";
    void (async () => {
      try {
        sheet.addRow(args.header).commit();
        for await (const batch of batches(args.rows)) {
          // The download was aborted: stop reading (leaving the loop closes the cursor).
          if (out.destroyed) break;
          for (const r of batch) sheet.addRow(safe(r)).commit();
          // Wait for the reader when the buffer is full, instead of holding the file in memory.
          if (out.writableNeedDrain) await new Promise((r) => out.once("drain", r).once("close", r));
        }
        if (!out.destroyed) {
          sheet.commit();
          await book.commit();
        }
      } catch (e) {
        out.destroy(e as Error);
      } finally {
        await end();
      }
    })();
    out.on("close", () => void end());
    return new Response(Readable.toWeb(out) as ReadableStream, {
      headers: {
        ...headers,
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${args.fileBase}.xlsx"`,
      },
    });
  }
  const encoder = new TextEncoder();
  const source = batches(args.rows);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode("\uFEFF" + stringify([args.header])));
    },
    async pull(controller) {
      try {
        const next = await source.next();
        if (next.done) {
          controller.close();
          await end();
        } else controller.enqueue(encoder.encode(stringify(next.value.map(safe))));
      } catch (e) {
        controller.error(e);
        await end();
      }
    },
    async cancel() {
      await source.return(undefined);
      await end();
    },
  });
  return new Response(body, {
    headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${args.fileBase}.csv"` },
  });
}

/** "Kota Tangerang" → "kota-tangerang", for file names. */
export const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
