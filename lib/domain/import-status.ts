// The statuses of a bulk import batch and their labels (import_status in the database).
export const IMPORT_STATUSES = ["diunggah", "memvalidasi", "tervalidasi", "menerapkan", "selesai", "gagal", "dibatalkan"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

const STATUS_LABELS: Record<ImportStatus, string> = {
  diunggah: "Diunggah, menunggu validasi",
  memvalidasi: "Memvalidasi",
  tervalidasi: "Tervalidasi, menunggu diterapkan",
  menerapkan: "Menerapkan",
  selesai: "Selesai",
  gagal: "Gagal",
  dibatalkan: "Dibatalkan",
};

export const importStatusLabel = (s: ImportStatus) => STATUS_LABELS[s];

/** What to do with NIKs already enrolled in the area: skip them, or update the given fields. */
export type ExistingMode = "lewati" | "perbarui";
