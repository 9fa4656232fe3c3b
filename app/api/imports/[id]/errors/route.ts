import { NextResponse, type NextRequest } from "next/server";
import { IMPORT_COLUMNS } from "@/lib/domain/import-columns";
import { getViewer } from "@/lib/auth/viewer";
import { ForbiddenError } from "@/lib/authz/permissions";
import { NotFoundError, UserFacingError } from "@/lib/data/errors";
import { listImportProblemRowsForViewer } from "@/lib/data/imports";
import { spreadsheetResponse } from "@/lib/spreadsheet-response";

/**
 * The rows that were not imported, in the template's columns plus `baris` and `kesalahan`: the
 * officer fixes them and uploads this file again (the extra columns are ignored then).
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer || viewer.mustChangePassword) return NextResponse.json({ message: "Silakan masuk." }, { status: 401 });
  try {
    const rows = await listImportProblemRowsForViewer(viewer, (await params).id);
    return spreadsheetResponse({
      fileBase: `impor-perlu-perbaikan-${(await params).id.slice(0, 8)}`,
      sheet: "Perlu perbaikan",
      header: [...IMPORT_COLUMNS, "baris", "kesalahan"],
      rows: rows.map((r) => [...IMPORT_COLUMNS.map((c) => r.cells[c] ?? null), r.rowNo, r.errors]),
      format: req.nextUrl.searchParams.get("format"),
      textColumns: [1, 6, 7, 11, 15],
    });
  } catch (e) {
    if (e instanceof NotFoundError) return NextResponse.json({ message: e.message }, { status: 404 });
    if (e instanceof UserFacingError) return NextResponse.json({ message: e.message }, { status: 410 });
    if (e instanceof ForbiddenError) return NextResponse.json({ message: "Anda tidak berwenang." }, { status: 403 });
    throw e;
  }
}
