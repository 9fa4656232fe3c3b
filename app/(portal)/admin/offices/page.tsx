import type { Metadata } from "next";
import Link from "next/link";
import { AssignUncoveredForm, CreateOfficeForm } from "@/components/offices/office-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/authz/permissions";
import { listOfficesForViewer, listUncoveredDistrictsForViewer } from "@/lib/data/offices";
import { formatNumber } from "@/lib/format";
import { assignUncoveredAction, createOfficeAction } from "./actions";

export const metadata: Metadata = { title: "Kantor BPJS" };

const KIND_LABELS = { kantor_wilayah: "Kantor Wilayah", kantor_cabang: "Kantor Cabang", kantor_cabang_perintis: "Kantor Cabang Perintis" } as const;

export default async function OfficesPage({ searchParams }: { searchParams: Promise<{ ditetapkan?: string; sudah?: string }> }) {
  const viewer = await requireViewer("offices.view");
  const sp = await searchParams;
  const assigned = Number(sp.ditetapkan);
  const skipped = Number(sp.sudah) || 0;
  const offices = await listOfficesForViewer(viewer);
  const manage = can(viewer.role, "offices.manage");
  const kanwils = offices.filter((o) => o.kind === "kantor_wilayah");
  const uncovered = manage
    ? await Promise.all(kanwils.map(async (k) => ({ kanwil: k, districts: await listUncoveredDistrictsForViewer(viewer, k.provinceCode) })))
    : [];
  return (
    <>
      <PageHeader title="Kantor BPJS Ketenagakerjaan" description="Kantor Wilayah, kantor cabang, dan kecamatan yang dilayani tiap cabang." />
      <div className="space-y-6">
        {Number.isInteger(assigned) && assigned >= 0 && sp.ditetapkan ? (
          <p role="status" data-testid="form-message" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
            {formatNumber(assigned)} kecamatan kini dilayani kantor cabang yang dipilih.
            {skipped > 0 ? ` ${formatNumber(skipped)} kecamatan sudah dilayani cabang lain dan tidak diubah.` : ""}
          </p>
        ) : null}
        <Card title="Daftar kantor">
          <Table caption="Daftar kantor" head={["Kantor", "Jenis", "Induk", "Kecamatan dilayani", "Status"]}>
            {offices.map((o) => (
              <tr key={o.id}>
                <Td>
                  <Link className="text-brand-700 underline" href={`/admin/offices/${o.id}`}>
                    {o.name}
                  </Link>
                </Td>
                <Td>{KIND_LABELS[o.kind]}</Td>
                <Td>{o.parentName ?? "—"}</Td>
                <Td>{o.kind === "kantor_wilayah" ? "—" : formatNumber(o.districtCount)}</Td>
                <Td>{o.active ? "Aktif" : "Nonaktif"}</Td>
              </tr>
            ))}
          </Table>
        </Card>
        {manage ? (
          <Card title="Tambah kantor cabang">
            <CreateOfficeForm action={createOfficeAction} kanwils={kanwils} />
          </Card>
        ) : null}
        {uncovered.map(({ kanwil, districts }) => (
          <Card key={kanwil.id} title={`Kecamatan tanpa kantor cabang — ${kanwil.name} (${formatNumber(districts.length)})`}>
            {districts.length === 0 ? (
              <p className="text-sm text-slate-600">Semua kecamatan di provinsi ini sudah dilayani kantor cabang.</p>
            ) : (
              <div className="space-y-4">
                <p className="text-sm text-slate-600">Iuran pekerja di kecamatan ini belum tertagih oleh kantor cabang mana pun.</p>
                {[...new Map(districts.map((d) => [d.regencyCode, d.regencyName])).entries()].map(([code, name]) => (
                  <AssignUncoveredForm
                    key={code}
                    action={assignUncoveredAction}
                    regencyName={name}
                    districts={districts.filter((d) => d.regencyCode === code)}
                    branches={offices.filter((o) => o.kind !== "kantor_wilayah" && o.active && o.provinceCode === kanwil.provinceCode)}
                  />
                ))}
              </div>
            )}
          </Card>
        ))}
      </div>
    </>
  );
}
