import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { KpjUpload } from "@/components/workers/kpj-upload";
import { VerificationQueue } from "@/components/workers/worker-actions";
import { requireViewer } from "@/lib/auth/viewer";
import { now } from "@/lib/clock";
import { listVerificationQueueForViewer } from "@/lib/data/workers";
import { formatNumber } from "@/lib/format";
import { rejectWorkersAction, verifyWorkersAction } from "../workers/actions";

export const metadata: Metadata = { title: "Verifikasi" };

export default async function VerificationPage() {
  const viewer = await requireViewer("workers.verify");
  const rows = await listVerificationQueueForViewer(viewer);
  const today = now().getTime();
  const queue = rows.map((r) => ({ ...r, waitingDays: r.submittedAt ? Math.floor((today - r.submittedAt.getTime()) / 86_400_000) : 0 }));
  const pending = queue.filter((r) => r.status === "diajukan");
  return (
    <>
      <PageHeader
        title="Verifikasi"
        description={`${viewer.officeName}: pekerja yang diajukan di kecamatan yang dilayani cabang ini. ${formatNumber(pending.length)} menunggu verifikasi${pending.length ? `, paling lama ${Math.max(...pending.map((r) => r.waitingDays))} hari` : ""}.`}
      />
      <div className="mb-6">
        <Card title="Catat KPJ dari berkas">
          <KpjUpload />
        </Card>
      </div>
      <Card>
        {queue.length === 0 ? <p className="text-sm text-slate-600">Antrean kosong.</p> : <VerificationQueue rows={queue} verify={verifyWorkersAction} reject={rejectWorkersAction} />}
      </Card>
    </>
  );
}
