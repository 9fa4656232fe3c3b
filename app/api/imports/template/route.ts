import { authorizedRoute } from "@/lib/auth/route";
import { IMPORT_COLUMN_GUIDE, IMPORT_COLUMNS } from "@/lib/domain/import-columns";
import { spreadsheetResponse } from "@/lib/spreadsheet-response";

/** The import template: the columns in order, one example row (fictional). NIK and KK as text. */
export const GET = authorizedRoute("imports.upload", async (req) =>
  spreadsheetResponse({
    fileBase: "templat-impor-pekerja",
    sheet: "Pekerja",
    header: [...IMPORT_COLUMNS],
    rows: [IMPORT_COLUMNS.map((c) => IMPORT_COLUMN_GUIDE.find((g) => g.column === c)!.example)],
    format: req.nextUrl.searchParams.get("format"),
    textColumns: [1, 6, 7, 11, 15],
  }),
);
