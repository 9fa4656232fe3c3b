import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RegulationForm } from "@/components/regulations/regulation-form";
import { Card, PageHeader } from "@/components/ui/card";
import { idParam, orNotFound } from "@/lib/auth/page-params";
import { requireViewer } from "@/lib/auth/viewer";
import { listVillagesOfRegencyForViewer } from "@/lib/data/areas";
import { getRegulationForViewer } from "@/lib/data/regulations";
import { updateRegulationAction } from "../../actions";

export const metadata: Metadata = { title: "Ubah regulasi" };

export default async function EditRegulationPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer("regulations.manage");
  const id = idParam((await params).id);
  const reg = await orNotFound(getRegulationForViewer(viewer, id));
  if (reg.status !== "draft" && reg.status !== "review") notFound();
  const villages = await listVillagesOfRegencyForViewer(viewer, reg.regencyCode);
  return (
    <>
      <PageHeader title="Ubah regulasi" description={`${reg.title} · ${reg.regencyName}`} />
      <Card>
        <RegulationForm
          action={updateRegulationAction}
          villages={villages}
          submitLabel="Simpan perubahan"
          values={{
            regulationId: reg.id,
            type: reg.type,
            issuer: reg.issuer,
            title: reg.title,
            startsOn: reg.startsOn,
            endsOn: reg.endsOn ?? "",
            quota: String(reg.quota),
            minAgeYears: String(Math.floor(reg.minAgeMonths / 12)),
            maxAgeYears: String(Math.floor(reg.maxAgeMonths / 12)),
            maxAgeExtraMonths: String(reg.maxAgeMonths % 12),
            notes: reg.notes,
            villageCodes: reg.villages.map((v) => v.code),
          }}
        />
      </Card>
    </>
  );
}
