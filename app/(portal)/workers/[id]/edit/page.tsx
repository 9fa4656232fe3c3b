import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { WorkerForm } from "@/components/workers/worker-form";
import { idParam, orNotFound } from "@/lib/auth/page-params";
import { requireViewer } from "@/lib/auth/viewer";
import { listDistrictsForViewer, listVillagesOfRegencyForViewer } from "@/lib/data/areas";
import { getWorkerFormValuesForViewer, listOccupations } from "@/lib/data/workers";
import { updateWorkerAction } from "../../actions";

export const metadata: Metadata = { title: "Ubah data pekerja" };

export default async function EditWorkerPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer("workers.register");
  const id = idParam((await params).id);
  const current = await orNotFound(getWorkerFormValuesForViewer(viewer, id));
  const regency = viewer.regencyCode!;
  const [districts, villages, occupations] = await Promise.all([
    listDistrictsForViewer(viewer, { regencyCode: regency }),
    listVillagesOfRegencyForViewer(viewer, regency),
    listOccupations(),
  ]);
  const verified = current.status === "diverifikasi" || current.status === "aktif";
  return (
    <>
      <PageHeader
        title={`Ubah data: ${current.name}`}
        description={
          verified
            ? "Pekerja sudah diverifikasi: perubahan NIK, nama, tanggal lahir atau jenis kelamin dikirim sebagai permintaan koreksi ke kantor cabang; data lain langsung tersimpan."
            : "Perbaiki data lalu simpan. Pekerja yang ditolak diajukan lagi dari halaman pekerja."
        }
      />
      <Card>
        <WorkerForm
          action={updateWorkerAction}
          edit={{ workerId: id, values: current.values, intent: current.status === "draft" ? "draft" : "submit" }}
          districts={districts.map((d) => ({ code: d.code, name: d.name }))}
          villages={villages.map((v) => ({ code: v.code, name: v.name, districtCode: v.code.slice(0, 8) }))}
          occupations={occupations.map((o) => ({ id: o.id, name: o.name }))}
        />
      </Card>
    </>
  );
}
