import { STATUS_LABELS, type RegulationStatus } from "@/lib/domain/regulations";

const TONES: Record<RegulationStatus, string> = {
  draft: "bg-slate-100 text-slate-700",
  review: "bg-amber-100 text-amber-800",
  enacted: "bg-green-100 text-green-800",
  ended: "bg-red-100 text-red-800",
};

export function StatusBadge({ status }: { status: RegulationStatus }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${TONES[status]}`}>{STATUS_LABELS[status]}</span>;
}
