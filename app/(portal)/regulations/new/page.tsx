import type { Metadata } from "next";
import { RegulationForm } from "@/components/regulations/regulation-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { listRegenciesForViewer, listVillagesOfRegencyForViewer } from "@/lib/data/areas";
import { getDefaultEligibility } from "@/lib/data/regulations";
import { createRegulationAction } from "../actions";

export const metadata: Metadata = { title: "Tambah regulasi" };

export default async function NewRegulationPage() {
  const viewer = await requireViewer("regulations.manage");
  const policy = await getDefaultEligibility();
  const ownArea = viewer.role === "supervisor" ? viewer.regencyCode : null;
  const [regencies, villages] = await Promise.all([
    ownArea ? Promise.resolve(undefined) : listRegenciesForViewer(viewer),
    ownArea ? listVillagesOfRegencyForViewer(viewer, ownArea) : Promise.resolve([]),
  ]);
  return (
    <>
      <PageHeader title="Tambah regulasi" description={ownArea ? `Regulasi untuk ${viewer.regencyName}. Disimpan sebagai draf.` : "Disimpan sebagai draf."} />
      <Card>
        <RegulationForm
          action={createRegulationAction}
          regencies={regencies?.map((r) => ({ code: r.code, name: `${r.name} (${r.provinceName})` }))}
          villages={villages}
          submitLabel="Simpan draf"
          values={{
            type: viewer.regencyName?.startsWith("Kota") ? "perwal" : "perbup",
            issuer: "kabkota",
            title: "",
            startsOn: "",
            endsOn: "",
            quota: "",
            minAgeYears: String(Math.floor(policy.minAgeMonths / 12)),
            maxAgeYears: String(Math.floor(policy.maxAgeMonths / 12)),
            maxAgeExtraMonths: String(policy.maxAgeMonths % 12),
            notes: "",
            villageCodes: [],
          }}
        />
      </Card>
    </>
  );
}
