import { authorizedRoute } from "@/lib/auth/route";
import { today as clockToday } from "@/lib/clock";
import { exportWorkersForViewer, type ExportRow } from "@/lib/data/workers";
import { WORKER_STATUS_LABELS, WORKER_STATUSES, type WorkerStatus } from "@/lib/domain/worker-status";
import { readNameSearch } from "@/lib/name-search";
import { slug, spreadsheetResponse } from "@/lib/spreadsheet-response";

const HEADER = [
  "NIK",
  "Nama",
  "Tanggal lahir",
  "Jenis kelamin",
  "Kabupaten/kota",
  "Kecamatan",
  "Kelurahan/desa",
  "Alamat",
  "Pekerjaan",
  "Status",
  "KPJ",
  "Mulai kepesertaan",
];

/** The filtered worker list as CSV or XLSX, named with area and date; cells are formula-safe. */
export const GET = authorizedRoute("workers.export", async (req, { viewer }) => {
  const sp = req.nextUrl.searchParams;
  const status = WORKER_STATUSES.includes(sp.get("status") as WorkerStatus) ? (sp.get("status") as WorkerStatus) : undefined;
  // Streamed from a cursor; one export per user at a time (429 otherwise); audited before the first byte.
  const exp = await exportWorkersForViewer(viewer, { status, districtCode: sp.get("kec") || undefined, q: await readNameSearch() });
  const line = (r: ExportRow) => [
    r.nik,
    r.name,
    r.birthDate,
    r.sex,
    r.regencyName,
    r.districtName,
    r.villageName,
    r.address,
    r.occupation,
    WORKER_STATUS_LABELS[r.status],
    r.kpjNumber,
    r.coverageStart,
  ];
  async function* table() {
    for await (const batch of exp.batches) yield batch.map(line);
  }
  const place = slug(viewer.regencyName ?? viewer.officeName ?? "indonesia");
  // NIK stays text: Excel would turn 16 digits into 3.67E+15.
  return spreadsheetResponse({
    fileBase: `pekerja-${place}-${await clockToday()}`,
    sheet: "Pekerja",
    header: HEADER,
    rows: table(),
    format: sp.get("format"),
    textColumns: [1, 11],
    onEnd: exp.close,
  });
});
