import { authorizedRoute } from "@/lib/auth/route";
import { UserFacingError } from "@/lib/data/errors";
import { listImportProblemRowsForViewer } from "@/lib/data/imports";
import { IMPORT_COLUMNS } from "@/lib/domain/import-columns";
import { HttpError } from "@/lib/http-error";
import { spreadsheetResponse } from "@/lib/spreadsheet-response";

/**
 * The rows that were not imported, in the template's columns plus `baris` and `kesalahan`: the
 * officer fixes them and uploads this file again (the extra columns are ignored then). With
 * `jenis=peringatan`: the flagged rows (birth date or sex differs from the NIK), to check.
 */
export const GET = authorizedRoute<{ id: string }>(null, async (req, { viewer, params }) => {
  const flagged = req.nextUrl.searchParams.get("jenis") === "peringatan";
  const rows = await listImportProblemRowsForViewer(viewer, params.id, flagged ? "peringatan" : "masalah").catch((e: unknown) => {
    // The rows were deleted after the retention period: gone, not missing.
    if (e instanceof UserFacingError && !(e.name === "NotFoundError")) throw new HttpError(410, e.message);
    throw e;
  });
  return spreadsheetResponse({
    fileBase: `impor-${flagged ? "bertanda" : "perlu-perbaikan"}-${params.id.slice(0, 8)}`,
    sheet: flagged ? "Bertanda" : "Perlu perbaikan",
    header: [...IMPORT_COLUMNS, "baris", flagged ? "peringatan" : "kesalahan"],
    rows: rows.map((r) => [...IMPORT_COLUMNS.map((c) => r.cells[c] ?? null), r.rowNo, r.errors]),
    format: req.nextUrl.searchParams.get("format"),
    textColumns: [1, 6, 7, 11, 15],
  });
});
