import { WORKER_STATUS_LABELS, type WorkerStatus } from "@/lib/domain/worker-status";

const TONES: Record<WorkerStatus, string> = {
  draft: "bg-slate-100 text-slate-700",
  menunggu_persetujuan: "bg-amber-100 text-amber-800",
  diajukan: "bg-blue-100 text-blue-800",
  daftar_tunggu: "bg-orange-100 text-orange-800",
  diverifikasi: "bg-indigo-100 text-indigo-800",
  aktif: "bg-green-100 text-green-800",
  berakhir: "bg-slate-200 text-slate-600",
  ditolak: "bg-red-100 text-red-800",
};

export function WorkerStatusBadge({ status }: { status: WorkerStatus }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${TONES[status]}`}>{WORKER_STATUS_LABELS[status]}</span>;
}
