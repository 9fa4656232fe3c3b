import { CATEGORY_LABELS } from "@/components/billing/labels";
import { authorizedRoute, routeId } from "@/lib/auth/route";
import { exportReconciliationRowsForViewer, RECONCILIATION_CATEGORIES, type ReconciliationCategory } from "@/lib/data/reconciliations";
import { HttpError } from "@/lib/http-error";
import { spreadsheetResponse } from "@/lib/spreadsheet-response";

/** The rows of one category (?kategori=), as CSV or XLSX, masked NIK; audited. */
export const GET = authorizedRoute<{ id: string }>("billing.view", async (req, { viewer, params }) => {
  const id = routeId(params.id, "Rekonsiliasi");
  const category = req.nextUrl.searchParams.get("kategori") as ReconciliationCategory;
  if (!RECONCILIATION_CATEGORIES.includes(category) || category === "cocok") throw new HttpError(400, "Kategori tidak dikenal.");
  const rec = await exportReconciliationRowsForViewer(viewer, id, category);
  return spreadsheetResponse({
    fileBase: `rekonsiliasi-${rec.month}-${category}`,
    sheet: CATEGORY_LABELS[category] ?? "Rekonsiliasi",
    header: ["Baris berkas", "KPJ (BPJS)", "NIK", "Nama", "Status BPJS", "Iuran terakhir (BPJS)", "KPJ (portal)", "Iuran terakhir (portal)", "Keterangan"],
    rows: rec.list.map((r) => [r.rowNo, r.kpj, r.nik, r.name, r.bpjsStatus, r.bpjsLastPaid, r.portalKpj, r.portalLastPaid, r.problem]),
    format: req.nextUrl.searchParams.get("format"),
    textColumns: [2, 3, 7],
  });
});
