import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { KpjUpload } from "@/components/workers/kpj-upload";
import { CorrectionDecision, VerificationQueue } from "@/components/workers/worker-actions";
import { requireViewer } from "@/lib/auth/viewer";
import { today as clockToday } from "@/lib/clock";
import { listCorrectionRequestsForViewer } from "@/lib/data/corrections";
import { listVerificationQueueForViewer } from "@/lib/data/workers";
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

export default async function VerificationPage() {
  const viewer = await requireViewer("workers.verify");
  const [rows, corrections] = await Promise.all([listVerificationQueueForViewer(viewer), listCorrectionRequestsForViewer(viewer)]);
  const today = await clockToday();
  const queue = rows.map((r) => ({ ...r, waitingDays: r.submittedAt ? daysSince(r.submittedAt, today) : 0 }));
  const pending = queue.filter((r) => r.status === "diajukan");
  return (
    <>
      <PageHeader
        title="Verifikasi"
        description={`${viewer.officeName}: pekerja yang diajukan di kecamatan yang dilayani cabang ini. ${formatNumber(pending.length)} menunggu verifikasi${pending.length ? `, paling lama ${waitLabel(Math.max(...pending.map((r) => r.waitingDays)))}` : ""}.`}
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
        {queue.length === 0 ? (
          <p className="text-sm text-slate-600">Antrean kosong.</p>
        ) : (
          <VerificationQueue rows={queue} verify={verifyWorkersAction} reject={rejectWorkersAction} />
        )}
      </Card>
    </>
  );
}
