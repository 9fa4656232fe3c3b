import type { ContributionProgress } from "@/lib/data/contributions";
import { formatNumber } from "@/lib/format";

/** The honest-progress figures, each with its one-line meaning: one vocabulary for the dashboards and the quarterly report. */
export function contributionItems(p: ContributionProgress): [label: string, value: string, meaning: string][] {
  return [
    ["Tercatat", formatNumber(p.tercatat), "Memegang tempat kuota (diajukan, diverifikasi, aktif)."],
    ["Aktif", formatNumber(p.aktif), "Sudah punya nomor KPJ BPJS Ketenagakerjaan."],
    ["Tidak menunggak", formatNumber(p.tidakMenunggak), "Iuran bulan ini lunas, atau belum jatuh tempo (tanggal 15) dan bulan sebelumnya lunas."],
    ["Menunggak", formatNumber(p.menunggak), "Ada iuran yang lewat jatuh tempo belum dibayar, masih dalam masa tenggang."],
    [
      "Nonaktif (tunggakan)",
      formatNumber(p.nonaktif),
      `Lebih dari batas bulan berturut-turut tidak dibayar: tidak terlindungi${p.lewatPemulihan ? `; ${formatNumber(p.lewatPemulihan)} di antaranya lewat batas pemulihan (reaktivasi oleh kantor cabang)` : ""}.`,
    ],
    ["Tidak tertagih", formatNumber(p.tidakTertagih), "Aktif di kecamatan yang belum dilayani kantor cabang."],
    ["≥ 6 bulan iuran", formatNumber(p.enamBulan), "Masa iur enam bulan atau lebih."],
    ["KPI BPJS", formatNumber(Math.round(p.kpi)), "Σ min(masa iur, 6) / 6: dihitung penuh setelah 6 bulan dibayar."],
  ];
}
