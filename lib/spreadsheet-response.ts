import "server-only";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { neutralizeFormula } from "@/lib/domain/spreadsheet";

type Cell = string | number | null;

/**
 * A table as a CSV (UTF-8 with BOM, for Excel) or XLSX download. Text cells are formula-safe
 * (a leading ' before = + - @ tab CR); numbers stay numbers; `textColumns` (1-based, e.g. NIK)
 * are formatted as text so Excel keeps every digit.
 */
export async function spreadsheetResponse(args: {
  fileBase: string;
  sheet: string;
  header: string[];
  rows: Cell[][];
  format: string | null;
  textColumns?: number[];
}) {
  const rows = args.rows.map((r) => r.map((v) => (typeof v === "number" ? v : neutralizeFormula(v ?? ""))));
  const headers = { "Cache-Control": "private, no-store" };
  if (args.format === "xlsx") {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(args.sheet);
    sheet.addRow(args.header);
    for (const r of rows) sheet.addRow(r);
    for (const c of args.textColumns ?? []) sheet.getColumn(c).numFmt = "@";
    const body = await book.xlsx.writeBuffer();
    return new Response(body as ArrayBuffer, {
      headers: {
        ...headers,
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${args.fileBase}.xlsx"`,
      },
    });
  }
  const csv = "\uFEFF" + stringify([args.header, ...rows]);
  return new Response(csv, {
    headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${args.fileBase}.csv"` },
  });
}

/** "Kota Tangerang" → "kota-tangerang", for file names. */
export const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
