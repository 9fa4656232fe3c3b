import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { NextResponse, type NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/authz/permissions";
import { now } from "@/lib/clock";
import { exportWorkersForViewer } from "@/lib/data/workers";
import { neutralizeFormula } from "@/lib/domain/spreadsheet";
import { WORKER_STATUS_LABELS, WORKER_STATUSES, type WorkerStatus } from "@/lib/domain/worker-status";
import { wibDay } from "@/lib/domain/wib";

const HEADER = ["NIK", "Nama", "Tanggal lahir", "Jenis kelamin", "Kabupaten/kota", "Kecamatan", "Kelurahan/desa", "Alamat", "Pekerjaan", "Status", "KPJ", "Mulai kepesertaan"];

/** The filtered worker list as CSV or XLSX, named with area and date; cells are formula-safe. */
export async function GET(req: NextRequest) {
  const viewer = await getViewer();
  if (!viewer || viewer.mustChangePassword) return NextResponse.json({ message: "Silakan masuk." }, { status: 401 });
  if (!can(viewer.role, "workers.export")) return NextResponse.json({ message: "Anda tidak berwenang mengekspor data pekerja." }, { status: 403 });
  const sp = req.nextUrl.searchParams;
  const status = WORKER_STATUSES.includes(sp.get("status") as WorkerStatus) ? (sp.get("status") as WorkerStatus) : undefined;
  const rows = await exportWorkersForViewer(viewer, { status, districtCode: sp.get("kec") || undefined, q: sp.get("q")?.slice(0, 100) || undefined });
  const table = rows.map((r) =>
    [r.nik, r.name, r.birthDate, r.sex, r.regencyName, r.districtName ?? "", r.villageName ?? "", r.address, r.occupation ?? "", WORKER_STATUS_LABELS[r.status], r.kpjNumber ?? "", r.coverageStart ?? ""].map((v) => neutralizeFormula(String(v))),
  );
  const place = (viewer.regencyName ?? viewer.officeName ?? "indonesia").toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const base = `pekerja-${place}-${wibDay(now())}`;
  if (sp.get("format") === "xlsx") {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Pekerja");
    sheet.addRow(HEADER);
    // NIK and KPJ stay text: Excel would turn 16 digits into 3.67E+15.
    for (const r of table) sheet.addRow(r);
    sheet.getColumn(1).numFmt = "@";
    const body = await book.xlsx.writeBuffer();
    return new Response(body as ArrayBuffer, {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${base}.xlsx"`,
        "Cache-Control": "private, no-store",
      },
    });
  }
  const csv = "\uFEFF" + stringify([HEADER, ...table]);
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${base}.csv"`, "Cache-Control": "private, no-store" },
  });
}
