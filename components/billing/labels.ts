import { monthLabel } from "@/lib/domain/wib";

export const BILL_STATUS_LABELS: Record<string, string> = { draf: "Draf", diterbitkan: "Diterbitkan", batal: "Batal" };
export const PART_STATUS_LABELS: Record<string, string> = {
  menunggu: "Menunggu konfirmasi BPJS",
  dikonfirmasi: "Dikonfirmasi",
  dibatalkan: "Dibatalkan",
  dibalik: "Dibalik",
};
export const LINE_KIND_LABELS: Record<string, string> = { iuran: "Iuran", susulan: "Susulan", koreksi: "Koreksi (kredit)" };

/** "Lunas", "Sebagian dibayar" or "Belum dibayar" for an issued bill. */
export function payLabel(b: { status: string; total: number; paid: number; pending: number }): string {
  if (b.status !== "diterbitkan") return "—";
  if (b.total > 0 && b.paid >= b.total) return "Lunas";
  if (b.paid > 0) return "Sebagian dibayar";
  if (b.pending > 0) return "Menunggu konfirmasi";
  return "Belum dibayar";
}

export const billTitle = (b: { month: string; officeName: string }) => `${monthLabel(b.month)} · ${b.officeName}`;

export const CATEGORY_LABELS: Record<string, string> = {
  cocok: "Cocok",
  hanya_bpjs: "Hanya di BPJS",
  hanya_portal: "Hanya di portal",
  status_berbeda: "Status berbeda",
  nik_kpj_berbeda: "NIK dan KPJ tidak sepadan",
  bulan_berbeda: "Bulan iuran terakhir berbeda",
  tidak_terbaca: "Baris tidak terbaca",
};

/** What settles a row of each category, said to the person who will do it. */
export const CATEGORY_ACTIONS: Record<string, string> = {
  hanya_bpjs: "Periksa apakah peserta ini terdaftar di wilayah lain atau belum didaftarkan Dinas.",
  hanya_portal: "Periksa ke BPJS: peserta aktif di portal tetapi tidak ada di daftar BPJS.",
  status_berbeda: "BPJS mencatat peserta tidak aktif atau meninggal: catat berakhirnya kepesertaan (dengan tanggalnya) di halaman pekerja.",
  nik_kpj_berbeda: "NIK dan nomor KPJ menunjuk orang yang berbeda: perbaiki data di halaman pekerja.",
  bulan_berbeda: "Bulan iuran terakhir berbeda: periksa konfirmasi pembayaran bulan tersebut.",
  tidak_terbaca: "Perbaiki baris di berkas BPJS lalu unggah ulang.",
};
