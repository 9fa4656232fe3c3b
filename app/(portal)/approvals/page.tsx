import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { ApprovalQueue } from "@/components/workers/area-settings-form";
import { requireViewer } from "@/lib/auth/viewer";
import { getAreaSettingsForViewer } from "@/lib/data/area-settings";
import { listWorkersForViewer } from "@/lib/data/workers";
import { formatNumber } from "@/lib/format";
import { approveWorkersAction } from "../workers/actions";

export const metadata: Metadata = { title: "Persetujuan" };

export default async function ApprovalsPage() {
  const viewer = await requireViewer("workers.approve");
  const [{ rows, total }, settings] = await Promise.all([listWorkersForViewer(viewer, { status: "menunggu_persetujuan" }), getAreaSettingsForViewer(viewer)]);
  return (
    <>
      <PageHeader
        title="Persetujuan"
        description={`${formatNumber(total)} pengajuan petugas menunggu persetujuan. Yang disetujui mengambil kuota atau masuk daftar tunggu.`}
      />
      {settings.requiresApproval ? null : (
        <p className="mb-4 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm" data-testid="approval-off">
          Persetujuan dua tahap sedang <strong>tidak aktif</strong> di {viewer.regencyName}: pengajuan petugas langsung mengambil kuota atau masuk daftar
          tunggu. Aktifkan di{" "}
          <Link className="text-brand-700 underline" href="/area-settings">
            Pengaturan wilayah
          </Link>
          .
        </p>
      )}
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
