import { COUNTED_HELP, WORKER_STATUS_HELP, WORKER_STATUSES, type WorkerStatus } from "@/lib/domain/worker-status";
import { WorkerStatusBadge } from "./status-badge";

/** The legend of worker statuses: one vocabulary for the Dinas and the branch. */
export function StatusLegend({ only }: { only?: readonly WorkerStatus[] }) {
  const statuses = only ?? WORKER_STATUSES;
  return (
    <details className="text-sm" data-testid="status-legend">
      <summary className="cursor-pointer text-brand-700 underline">Keterangan status</summary>
      <dl className="mt-2 space-y-1">
        {statuses.map((s) => (
          <div key={s} className="flex flex-wrap items-baseline gap-2">
            <dt>
              <WorkerStatusBadge status={s} />
            </dt>
            <dd className="text-slate-700">{WORKER_STATUS_HELP[s]}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-slate-600">{COUNTED_HELP}</p>
    </details>
  );
}
