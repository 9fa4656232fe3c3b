// Worker enrollment lifecycle (registration issue, item 6). Every move records who, when, why.
export const WORKER_STATUSES = ["draft", "menunggu_persetujuan", "diajukan", "daftar_tunggu", "diverifikasi", "aktif", "berakhir", "ditolak"] as const;
export type WorkerStatus = (typeof WORKER_STATUSES)[number];

export const WORKER_STATUS_LABELS: Record<WorkerStatus, string> = {
  draft: "Draf",
  menunggu_persetujuan: "Menunggu persetujuan",
  diajukan: "Diajukan",
  daftar_tunggu: "Daftar tunggu",
  diverifikasi: "Diverifikasi",
  aktif: "Aktif",
  berakhir: "Berakhir",
  ditolak: "Ditolak",
};

export const END_REASONS = {
  meninggal: "Meninggal",
  pindah_domisili: "Pindah domisili",
  tidak_memenuhi_syarat: "Tidak lagi memenuhi syarat",
  mengundurkan_diri: "Mengundurkan diri",
  regulasi_berakhir: "Regulasi berakhir",
} as const;
export type EndReason = keyof typeof END_REASONS;

/** Statuses that hold a place in a regulation's quota. */
export const HOLDS_PLACE: readonly WorkerStatus[] = ["diajukan", "diverifikasi", "aktif"];

const MOVES: Record<WorkerStatus, WorkerStatus[]> = {
  draft: ["menunggu_persetujuan", "diajukan", "daftar_tunggu", "berakhir"],
  menunggu_persetujuan: ["diajukan", "daftar_tunggu", "draft", "berakhir"],
  daftar_tunggu: ["diajukan", "berakhir"],
  // A holder goes back to the waiting list only when its regulation ends without a place elsewhere.
  diajukan: ["diverifikasi", "ditolak", "berakhir", "daftar_tunggu"],
  diverifikasi: ["aktif", "ditolak", "berakhir", "daftar_tunggu"],
  aktif: ["berakhir", "daftar_tunggu"],
  ditolak: ["draft", "diajukan", "daftar_tunggu", "menunggu_persetujuan", "berakhir"],
  berakhir: [],
};

export function canMoveWorker(from: WorkerStatus, to: WorkerStatus): boolean {
  return MOVES[from].includes(to);
}

/** Live = every status but berakhir: one live enrollment per NIK in the whole country. */
export function isLive(status: WorkerStatus): boolean {
  return status !== "berakhir";
}

/** The identity fields that, once verified, change only through a correction request to the branch. */
export const IDENTITY_FIELD_LABELS = { nik: "NIK", name: "nama", birthDate: "tanggal lahir", sex: "jenis kelamin" } as const;
