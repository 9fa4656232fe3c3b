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

/**
 * What each status means, in one sentence, for every role alike (the Dinas and the branch name
 * a record the same way). Shown as the legend of the lists and the queue.
 */
export const WORKER_STATUS_HELP: Record<WorkerStatus, string> = {
  draft: "Disimpan petugas, belum diajukan; hanya terlihat oleh Dinas.",
  menunggu_persetujuan: "Menunggu persetujuan supervisor Dinas (wilayah dua langkah); hanya terlihat oleh Dinas.",
  diajukan: "Memegang tempat kuota; menunggu verifikasi kantor cabang BPJS.",
  daftar_tunggu: "Memenuhi syarat, tetapi kuota penuh: mendapat tempat begitu ada yang kosong.",
  diverifikasi: "Diverifikasi kantor cabang; menunggu nomor KPJ.",
  aktif: "Peserta BPJS Ketenagakerjaan dengan nomor KPJ; iurannya ditagihkan.",
  berakhir: "Kepesertaan berakhir (meninggal, pindah, mengundurkan diri, …).",
  ditolak: "Ditolak kantor cabang dengan alasan; petugas memperbaiki lalu mengajukan lagi.",
};

/** "Tercatat" and "aktif", where both figures show. */
export const COUNTED_HELP = "Tercatat = diajukan + diverifikasi + aktif: semua yang memegang tempat kuota. Aktif = sudah bernomor KPJ dan iurannya ditagihkan.";

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
