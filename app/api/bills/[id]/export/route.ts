import { LINE_KIND_LABELS } from "@/components/billing/labels";
import { authorizedRoute, routeId } from "@/lib/auth/route";
import { exportBillForViewer } from "@/lib/data/billing";
import { spreadsheetResponse } from "@/lib/spreadsheet-response";

/** The rincian tagihan as CSV or XLSX (masked NIK), audited by the data function. */
export const GET = authorizedRoute<{ id: string }>("billing.view", async (req, { viewer, params }) => {
  const id = routeId(params.id, "Tagihan");
  const { bill, lines } = await exportBillForViewer(viewer, id);
  return spreadsheetResponse({
    fileBase: `tagihan-${bill.month}-${bill.id}`,
    sheet: "Rincian tagihan",
    header: ["No.", "KPJ", "NIK", "Nama", "Kecamatan", "Bulan", "Jenis", "Jumlah (Rp)", "Kode iuran"],
    rows: lines.map((l, i) => [
      i + 1,
      l.kpj,
      l.nik,
      l.name,
      l.districtName,
      l.month,
      LINE_KIND_LABELS[l.kind] ?? l.kind,
      l.kind === "koreksi" ? -l.amount : l.amount,
      bill.kodeIuran,
    ]),
    format: req.nextUrl.searchParams.get("format"),
    textColumns: [2, 3, 9],
  });
});
