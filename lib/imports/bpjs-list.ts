import "server-only";
import { UserFacingError } from "@/lib/data/errors";
import { readCsv, readXlsx, type ColumnSpec, type Header, type RawRow } from "./read";

// BPJS's monthly participant list of a wadah (for reconciliation), read by the same streaming
// reader and file checks as the bulk import: kpj, nik, nama, status kepesertaan, bulan iuran terakhir.

export const BPJS_LIST_SPEC: ColumnSpec = {
  columns: ["kpj", "nik", "nama", "status_kepesertaan", "bulan_iuran_terakhir"],
  required: ["kpj", "nik", "status_kepesertaan", "bulan_iuran_terakhir"],
};
export const MAX_BPJS_ROWS = 200_000;

export type BpjsStatus = "aktif" | "nonaktif" | "meninggal" | "berakhir";
export type BpjsRow = {
  rowNo: number;
  kpj: string | null;
  nik: string | null;
  name: string | null;
  status: BpjsStatus | null;
  lastPaid: string | null;
  problem: string | null;
};

const STATUSES: Record<string, BpjsStatus> = {
  aktif: "aktif",
  nonaktif: "nonaktif",
  "non aktif": "nonaktif",
  "tidak aktif": "nonaktif",
  meninggal: "meninggal",
  "meninggal dunia": "meninggal",
  berakhir: "berakhir",
  keluar: "berakhir",
};

/** "2026-10", "10/2026", "10-2026" or a date → "2026-10"; empty → null (nothing paid yet). */
export function parseMonth(raw: string | undefined): { month: string | null; ok: boolean } {
  const s = (raw ?? "").trim();
  if (!s) return { month: null, ok: true };
  let m = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(s);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? { month: `${m[1]}-${m[2]}`, ok: true } : { month: null, ok: false };
  m = /^(\d{1,2})[/-](\d{4})$/.exec(s);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return { month: `${m[2]}-${m[1]!.padStart(2, "0")}`, ok: true };
  return { month: null, ok: false };
}

export function normaliseRow(r: RawRow): BpjsRow {
  const cells = r.cells as Record<string, string | undefined>;
  const problems: string[] = r.parseError ? [r.parseError] : [];
  const nik = (cells.nik ?? "").replace(/\s/g, "");
  const kpj = (cells.kpj ?? "").replace(/\s/g, "");
  const status = STATUSES[(cells.status_kepesertaan ?? "").trim().toLowerCase().replace(/\s+/g, " ")] ?? null;
  const month = parseMonth(cells.bulan_iuran_terakhir);
  if (!/^\d{16}$/.test(nik)) problems.push("NIK harus 16 digit angka.");
  if (!/^[A-Za-z0-9]{5,20}$/.test(kpj)) problems.push("Nomor KPJ harus 5–20 huruf/angka.");
  if (!status) problems.push("Status kepesertaan tidak dikenal (aktif, nonaktif, meninggal, berakhir).");
  if (!month.ok) problems.push("Bulan iuran terakhir harus berbentuk YYYY-MM atau MM/YYYY.");
  return {
    rowNo: r.rowNo,
    kpj: kpj || null,
    nik: nik || null,
    name: (cells.nama ?? "").trim().slice(0, 200) || null,
    status,
    lastPaid: month.month,
    problem: problems.length ? problems.join(" ") : null,
  };
}

/** The list's rows in batches, normalised; a file with more than MAX_BPJS_ROWS rows is refused. */
export async function* readBpjsList(path: string, kind: "csv" | "xlsx"): AsyncGenerator<BpjsRow[]> {
  let header: Header | null = null;
  const source = kind === "xlsx" ? readXlsx(path, (h) => (header = h), BPJS_LIST_SPEC) : readCsv(path, (h) => (header = h), BPJS_LIST_SPEC);
  let count = 0;
  for await (const batch of source) {
    count += batch.length;
    if (count > MAX_BPJS_ROWS) throw new UserFacingError(`Berkas berisi lebih dari ${MAX_BPJS_ROWS.toLocaleString("id-ID")} baris.`);
    yield batch.map(normaliseRow);
  }
  void header;
}
