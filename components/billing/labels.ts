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
