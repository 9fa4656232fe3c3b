import { authorizedRoute } from "@/lib/auth/route";
import { UserFacingError } from "@/lib/data/errors";
import { listImportProblemRowsForViewer } from "@/lib/data/imports";
import { IMPORT_COLUMNS } from "@/lib/domain/import-columns";
import { HttpError } from "@/lib/http-error";
import { spreadsheetResponse } from "@/lib/spreadsheet-response";

/**
 * The rows that were not imported, in the template's columns plus `baris` and `kesalahan`: the
 * officer fixes them and uploads this file again (the extra columns are ignored then).
 */
export const GET = authorizedRoute<{ id: string }>(null, async (req, { viewer, params }) => {
  const rows = await listImportProblemRowsForViewer(viewer, params.id).catch((e: unknown) => {
    // The rows were deleted after the retention period: gone, not missing.
    if (e instanceof UserFacingError && !(e.name === "NotFoundError")) throw new HttpError(410, e.message);
    throw e;
  });
  return spreadsheetResponse({
    fileBase: `impor-perlu-perbaikan-${params.id.slice(0, 8)}`,
    sheet: "Perlu perbaikan",
    header: [...IMPORT_COLUMNS, "baris", "kesalahan"],
    rows: rows.map((r) => [...IMPORT_COLUMNS.map((c) => r.cells[c] ?? null), r.rowNo, r.errors]),
    format: req.nextUrl.searchParams.get("format"),
    textColumns: [1, 6, 7, 11, 15],
  });
});
