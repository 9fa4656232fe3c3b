// Claim cases (kasus klaim): their documents, statuses and the JKK report deadline. Pure rules;
// lib/data/claims.ts applies them inside transactions. See docs/benefits.md.
import type { ClaimType, JkkKind, SchoolLevel } from "./benefits";

export type ClaimStatus = "dilaporkan" | "dokumen_lengkap" | "diajukan" | "ditetapkan" | "dibayar" | "ditolak";

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  dilaporkan: "Dilaporkan",
  dokumen_lengkap: "Dokumen lengkap",
  diajukan: "Diajukan ke BPJS",
  ditetapkan: "Ditetapkan BPJS",
  dibayar: "Dibayar",
  ditolak: "Ditolak",
};

export const CLAIM_TYPE_LABELS: Record<ClaimType, string> = {
  jkm: "JKM (meninggal bukan karena kerja)",
  jkk: "JKK (kecelakaan kerja)",
  beasiswa: "Beasiswa pendidikan anak",
};

export const JKK_KIND_LABELS: Record<JkkKind, string> = {
  perawatan: "Perawatan dan pengobatan",
  stmb: "Sementara tidak mampu bekerja (STMB)",
  cacat: "Cacat sebagian",
  cacat_total: "Cacat total tetap",
  kematian: "Meninggal karena kecelakaan kerja",
};

export const SCHOOL_LEVEL_LABELS: Record<SchoolLevel, string> = { tk_sd: "TK/SD", smp: "SMP", sma: "SMA/SMK", pt: "Perguruan tinggi" };

export const DOCUMENT_LABELS = {
  laporan_kecelakaan: "Laporan kecelakaan kerja tahap I (2 × 24 jam)",
  akta_kematian: "Akta atau surat keterangan kematian",
  surat_ahli_waris: "Surat keterangan ahli waris",
  kartu_keluarga: "Kartu keluarga",
  ktp_ahli_waris: "KTP ahli waris",
  buku_tabungan: "Buku tabungan ahli waris",
  surat_dokter: "Surat keterangan dokter",
  kuitansi: "Kuitansi biaya",
  akta_kelahiran_anak: "Akta kelahiran anak",
  surat_sekolah: "Surat keterangan aktif sekolah/kuliah",
} as const;
export type DocumentKind = keyof typeof DOCUMENT_LABELS;

/** The documents a claim needs before it is complete (DOMAIN.md: claim documents). */
export function requiredDocuments(type: ClaimType, jkkKind: JkkKind | null): DocumentKind[] {
  if (type === "jkm") return ["akta_kematian", "surat_ahli_waris", "kartu_keluarga", "ktp_ahli_waris", "buku_tabungan"];
  if (type === "beasiswa") return ["akta_kelahiran_anak", "kartu_keluarga", "surat_sekolah", "buku_tabungan"];
  if (jkkKind === "kematian") return ["laporan_kecelakaan", "akta_kematian", "surat_ahli_waris", "kartu_keluarga", "ktp_ahli_waris", "buku_tabungan"];
  return ["laporan_kecelakaan", "surat_dokter", "kuitansi", "buku_tabungan"];
}

/** The JKK accident report is due 2 × 24 hours after the accident. */
export const ACCIDENT_REPORT_HOURS = 48;

export type ReportDeadline = { due: Date; met: boolean | null; hoursLeft: number | null };

/** Where the JKK report stands at `now`: met (reported by the deadline), missed, or hours left. */
export function accidentReportDeadline(eventAt: Date, reportedAt: Date | null, now: Date): ReportDeadline {
  const due = new Date(eventAt.getTime() + ACCIDENT_REPORT_HOURS * 3_600_000);
  if (reportedAt) return { due, met: reportedAt.getTime() <= due.getTime(), hoursLeft: null };
  if (now.getTime() > due.getTime()) return { due, met: false, hoursLeft: null };
  return { due, met: null, hoursLeft: Math.ceil((due.getTime() - now.getTime()) / 3_600_000) };
}

const MOVES: Record<ClaimStatus, ClaimStatus[]> = {
  dilaporkan: ["dokumen_lengkap", "ditolak"],
  dokumen_lengkap: ["diajukan", "ditolak"],
  diajukan: ["ditetapkan", "ditolak"],
  ditetapkan: ["dibayar"],
  dibayar: [],
  ditolak: [],
};

export function canMoveClaim(from: ClaimStatus, to: ClaimStatus): boolean {
  return MOVES[from].includes(to);
}

/** The school year ("2026/2027") a day falls in: from July. */
export function schoolYearOf(day: string): string {
  const y = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 7 ? `${y}/${y + 1}` : `${y - 1}/${y}`;
}
