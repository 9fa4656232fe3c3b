import { authorizedRoute } from "@/lib/auth/route";
import { IMPORT_COLUMNS } from "@/lib/domain/import-columns";
import { spreadsheetResponse } from "@/lib/spreadsheet-response";

const EXAMPLE = [
  "3671014203850001",
  "Siti Contoh",
  "1985-03-02",
  "P",
  "Jl. Melati No. 3",
  "36.71.01",
  "36.71.01.1001",
  "081234567890",
  "Pedagang",
  "1500000",
  "",
  "DTKS/DTSEN",
  "Budi Contoh",
  "suami",
  "",
];

/** The import template: the columns in order, one example row (fictional). NIK and KK as text. */
export const GET = authorizedRoute("imports.upload", async (req) =>
  spreadsheetResponse({
    fileBase: "templat-impor-pekerja",
    sheet: "Pekerja",
    header: [...IMPORT_COLUMNS],
    rows: [EXAMPLE],
    format: req.nextUrl.searchParams.get("format"),
    textColumns: [1, 6, 7, 11, 15],
  }),
);
