import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { WorkerForm } from "@/components/workers/worker-form";
import { requireViewer } from "@/lib/auth/viewer";
import { listDistrictsForViewer, listVillagesOfRegencyForViewer } from "@/lib/data/areas";
import { listOccupations } from "@/lib/data/workers";
import { registerWorkerAction } from "../actions";

export const metadata: Metadata = { title: "Daftarkan pekerja" };

export default async function NewWorkerPage() {
  const viewer = await requireViewer("workers.register");
  const regency = viewer.regencyCode!;
  const [districts, villages, occupations] = await Promise.all([
    listDistrictsForViewer(viewer, { regencyCode: regency }),
    listVillagesOfRegencyForViewer(viewer, regency),
    listOccupations(),
  ]);
  return (
    <>
      <PageHeader
        title="Daftarkan pekerja"
        description={`Pekerja rentan ${viewer.regencyName}. "Simpan" mengajukan pekerja ke kuota regulasi yang berlaku (atau daftar tunggu bila penuh).`}
      />
      <Card>
        <WorkerForm
          action={registerWorkerAction}
          districts={districts.map((d) => ({ code: d.code, name: d.name }))}
          villages={villages.map((v) => ({ code: v.code, name: v.name, districtCode: v.code.slice(0, 8) }))}
          occupations={occupations.map((o) => ({ id: o.id, name: o.name }))}
        />
      </Card>
    </>
  );
}
