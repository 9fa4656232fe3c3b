"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

type Progress = {
  status: string;
  statusLabel: string;
  phase: string;
  progress: { done: number; total: number; rate: number; etaSeconds: number | null };
  error: string | null;
};
const RUNNING = ["diunggah", "memvalidasi", "menerapkan"];
const n = new Intl.NumberFormat("id-ID");

/** Rows done, rate and ETA of the running phase, polled every second; the page refreshes when the phase ends. */
export function ImportProgress({ batchId, initial }: { batchId: string; initial: Progress }) {
  const router = useRouter();
  const [p, setP] = useState(initial);
  useEffect(() => {
    if (!RUNNING.includes(p.status)) return;
    const t = setTimeout(async () => {
      try {
        const res = await fetch(`/api/imports/${batchId}/progress`, { cache: "no-store" });
        if (res.ok) {
          const next = (await res.json()) as Progress;
          if (next.status !== p.status) router.refresh();
          setP(next);
        } else setP({ ...p });
      } catch {
        setP({ ...p });
      }
    }, 1000);
    return () => clearTimeout(t);
  }, [p, batchId, router]);
  const pct = p.progress.total ? Math.min(100, (p.progress.done / p.progress.total) * 100) : 0;
  return (
    <div className="space-y-2" data-testid="import-progress">
      <p className="text-sm font-medium">
        Status: <span data-testid="import-status">{p.statusLabel}</span>
      </p>
      {RUNNING.includes(p.status) ? (
        <>
          <div
            className="h-3 w-full max-w-xl overflow-hidden rounded bg-slate-200"
            role="progressbar"
            aria-valuenow={Math.round(pct)}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-label={p.phase === "menerapkan" ? "Kemajuan penerapan" : "Kemajuan validasi"}
          >
            <div className="h-full bg-brand-600 transition-all" style={{ width: `${pct}%` }} />
          </div>
          <p className="text-sm text-slate-600">
            {p.phase === "menerapkan" ? "Diterapkan" : "Divalidasi"} {n.format(p.progress.done)} dari {n.format(p.progress.total)} baris
            {p.progress.rate > 0 ? ` · ${n.format(Math.round(p.progress.rate))} baris/detik` : ""}
            {p.progress.etaSeconds != null
              ? ` · sisa sekitar ${p.progress.etaSeconds < 60 ? `${p.progress.etaSeconds} detik` : `${Math.ceil(p.progress.etaSeconds / 60)} menit`}`
              : ""}
          </p>
        </>
      ) : null}
      {p.error ? (
        <p role="alert" className="text-sm text-red-700">
          {p.error}
        </p>
      ) : null}
    </div>
  );
}
