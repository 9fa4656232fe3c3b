import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { Card, PageHeader } from "@/components/ui/card";
import { KpjUpload } from "@/components/workers/kpj-upload";
import { StatusLegend } from "@/components/workers/status-legend";
import { CorrectionDecision, VerificationQueue } from "@/components/workers/worker-actions";
import { requireViewer } from "@/lib/auth/viewer";
import { today as clockToday } from "@/lib/clock";
import { listCorrectionRequestsForViewer } from "@/lib/data/corrections";
import { listDistrictsForViewer } from "@/lib/data/areas";
import { getBranchQueueStatsForViewer } from "@/lib/data/dashboard";
import { listVerificationQueueForViewer, PAGE_SIZE } from "@/lib/data/workers";
import { dayLabel, daysSince, waitLabel } from "@/lib/domain/wib";
import { formatDateTime, formatNumber } from "@/lib/format";
import { decideCorrectionAction, rejectWorkersAction, verifyWorkersAction } from "../workers/actions";

type Identity = { nik?: string; name?: string; birthDate?: string; sex?: string };
const readable = (f: Identity): Identity => ({
  ...f,
  birthDate: f.birthDate && dayLabel(f.birthDate),
  sex: f.sex && (f.sex === "P" ? "Perempuan" : "Laki-laki"),
});

export const metadata: Metadata = { title: "Verifikasi" };

type Search = { tab?: string; kec?: string; tunggu?: string; page?: string };

const WAITS = [
  ["", "Semua"],
  ["14", "Lebih dari 14 hari"],
  ["30", "Lebih dari 30 hari"],
] as const;

export default async function VerificationPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireViewer("workers.verify");
  const sp = await searchParams;
  const tab = sp.tab === "kpj" ? "diverifikasi" : "diajukan";
  const minDays = sp.tunggu === "14" || sp.tunggu === "30" ? Number(sp.tunggu) : undefined;
  const [list, corrections, districts, stats] = await Promise.all([
    listVerificationQueueForViewer(viewer, { tab, districtCode: sp.kec || undefined, minDays, page: Number(sp.page) || 1 }),
    listCorrectionRequestsForViewer(viewer),
    listDistrictsForViewer(viewer),
    getBranchQueueStatsForViewer(viewer),
  ]);
  const today = await clockToday();
  const queue = list.rows.map((r) => ({ ...r, waitingDays: r.submittedAt ? daysSince(r.submittedAt, today) : 0 }));
  const total = list.counts[tab];
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const link = (over: Partial<Search>) => {
    const p = new URLSearchParams({
      ...(sp.tab ? { tab: sp.tab } : {}),
      ...(sp.kec ? { kec: sp.kec } : {}),
      ...(minDays ? { tunggu: String(minDays) } : {}),
      ...over,
    });
    for (const [k, v] of [...p.entries()]) if (!v) p.delete(k);
    return `/verification?${p}`;
  };
  return (
    <>
      <PageHeader
        title="Verifikasi"
        description={`${viewer.officeName}: pekerja yang diajukan di kecamatan yang dilayani cabang ini. ${formatNumber(stats.diajukan)} menunggu verifikasi${stats.oldestDays != null ? `, paling lama ${waitLabel(stats.oldestDays)}` : ""}.`}
      />
      <div className="mb-6">
        <Card title="Catat KPJ dari berkas">
          <KpjUpload />
        </Card>
      </div>
      {corrections.length ? (
        <div className="mb-6">
          <Card title={`Permintaan koreksi identitas (${formatNumber(corrections.length)})`}>
            <div className="space-y-4">
              {corrections.map((c) => (
                <CorrectionDecision
                  key={c.id}
                  action={decideCorrectionAction}
                  row={{
                    id: c.id,
                    workerId: c.workerId,
                    workerName: c.workerName,
                    districtName: c.districtName,
                    requestedBy: c.requestedBy,
                    requestedAtLabel: formatDateTime(c.requestedAt),
                    before: readable(c.before),
                    changes: readable(c.changes),
                  }}
                />
              ))}
            </div>
          </Card>
        </div>
      ) : null}
      <Card>
        <nav aria-label="Antrean" className="mb-4 flex gap-2 border-b border-slate-200">
          {(
            [
              ["diajukan", "Diajukan: menunggu verifikasi", ""],
              ["diverifikasi", "Diverifikasi: menunggu nomor KPJ", "kpj"],
            ] as const
          ).map(([k, label, param]) => (
            <Link
              key={k}
              href={link({ tab: param, page: "" })}
              aria-current={tab === k ? "page" : undefined}
              className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm aria-[current=page]:border-brand-700 aria-[current=page]:font-semibold"
            >
              {label} ({formatNumber(list.counts[k])})
            </Link>
          ))}
        </nav>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
          {sp.tab ? <input type="hidden" name="tab" value={sp.tab} /> : null}
          <label className="text-sm">
            <span className="block font-medium text-slate-700">Kecamatan</span>
            <select name="kec" defaultValue={sp.kec ?? ""} className="mt-1 rounded-md border border-slate-300 px-3 py-2">
              <option value="">Semua</option>
              {districts.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block font-medium text-slate-700">Lama menunggu</span>
            <select name="tunggu" defaultValue={minDays ? String(minDays) : ""} className="mt-1 rounded-md border border-slate-300 px-3 py-2">
              {WAITS.map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={buttonClass("secondary")}>
            Saring
          </button>
        </form>
        <div className="mb-3">
          <StatusLegend only={["diajukan", "diverifikasi", "aktif", "ditolak"]} />
        </div>
        {queue.length === 0 ? (
          <p className="text-sm text-slate-600">Antrean kosong.</p>
        ) : (
          <VerificationQueue rows={queue} verify={verifyWorkersAction} reject={rejectWorkersAction} selectable={tab === "diajukan"} />
        )}
        {pages > 1 ? (
          <nav aria-label="Halaman antrean" className="mt-4 flex flex-wrap items-center gap-2 text-sm">
            <span>
              Halaman {formatNumber(list.page)} dari {formatNumber(pages)} ({formatNumber(total)} pekerja, 50 per halaman)
            </span>
            {list.page > 1 ? (
              <Link className="text-brand-700 underline" href={link({ page: String(list.page - 1) })}>
                Sebelumnya
              </Link>
            ) : null}
            {list.page < pages ? (
              <Link className="text-brand-700 underline" href={link({ page: String(list.page + 1) })}>
                Berikutnya
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </>
  );
}
