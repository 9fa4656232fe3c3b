import type { Metadata } from "next";
import { ISSUER_LABELS } from "@/components/regulations/labels";
import { Card, PageHeader } from "@/components/ui/card";
import { AreaSettingsForm } from "@/components/workers/area-settings-form";
import { requireViewer } from "@/lib/auth/viewer";
import { getAreaSettingsForViewer } from "@/lib/data/area-settings";
import { updateAreaSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Pengaturan wilayah" };

export default async function AreaSettingsPage() {
  const viewer = await requireViewer("area.manage");
  const settings = await getAreaSettingsForViewer(viewer);
  return (
    <>
      <PageHeader title="Pengaturan wilayah" description={`Cara pendaftaran pekerja ${viewer.regencyName} mengambil kuota.`} />
      <Card>
        <AreaSettingsForm action={updateAreaSettingsAction} values={settings} labels={ISSUER_LABELS} />
      </Card>
    </>
  );
}
