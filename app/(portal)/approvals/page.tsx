import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { ApprovalQueue } from "@/components/workers/area-settings-form";
import { requireViewer } from "@/lib/auth/viewer";
import { listWorkersForViewer } from "@/lib/data/workers";
import { formatNumber } from "@/lib/format";
import { approveWorkersAction } from "../workers/actions";

export const metadata: Metadata = { title: "Persetujuan" };

export default async function ApprovalsPage() {
  const viewer = await requireViewer("workers.approve");
  const { rows, total } = await listWorkersForViewer(viewer, { status: "menunggu_persetujuan" });
  return (
    <>
      <PageHeader
        title="Persetujuan"
        description={`${formatNumber(total)} pengajuan petugas menunggu persetujuan. Yang disetujui mengambil kuota atau masuk daftar tunggu.`}
      />
      <Card>
        {rows.length ? (
          <ApprovalQueue rows={rows} approve={approveWorkersAction} />
        ) : (
          <p className="text-sm text-slate-600">Tidak ada pengajuan yang menunggu.</p>
        )}
      </Card>
    </>
  );
}
